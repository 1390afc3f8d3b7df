//! The transformer: BERT's embeddings and six encoder layers (self-attention with twelve
//! heads, a feed-forward layer with GELU, a residual and a layer norm after each), then
//! the mean of the token vectors scaled to length 1, as sentence-transformers pools them.

use crate::DIM;
use crate::weights::Tensor;

/// The longest input, in tokens with [CLS] and [SEP] (the model's own maximum).
pub(crate) const POSITIONS: usize = 256;
const HEADS: usize = 12;
const FEED_FORWARD: usize = 1536;
const LAYERS: usize = 6;
const EPSILON: f32 = 1e-12;

struct Norm {
    gain: Vec<f32>,
    bias: Vec<f32>,
}

struct Linear {
    weight: Tensor,
    bias: Vec<f32>,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    up: Linear,
    down: Linear,
    out_norm: Norm,
}

pub(crate) struct Bert {
    words: Tensor,
    positions: Tensor,
    token_type: Vec<f32>,
    norm: Norm,
    layers: Vec<Layer>,
}

impl Bert {
    /// The model from the file's tensors, in the order the converter writes them; each
    /// tensor's shape is checked.
    pub(crate) fn new(tensors: Vec<Tensor>) -> Result<Bert, String> {
        let expected = 5 + LAYERS * 16;
        if tensors.len() != expected {
            return Err(format!(
                "expected {expected} tensors, found {}",
                tensors.len()
            ));
        }
        let mut t = Tensors(tensors.into_iter().enumerate());
        let words = t.next(None, DIM)?;
        let positions = t.next(Some(POSITIONS), DIM)?;
        let token_type = t.next(Some(2), DIM)?.floats()[..DIM].to_vec();
        let norm = t.norm()?;
        let mut layers = Vec::new();
        for _ in 0..LAYERS {
            layers.push(Layer {
                query: t.linear(DIM, DIM)?,
                key: t.linear(DIM, DIM)?,
                value: t.linear(DIM, DIM)?,
                attention_out: t.linear(DIM, DIM)?,
                attention_norm: t.norm()?,
                up: t.linear(FEED_FORWARD, DIM)?,
                down: t.linear(DIM, FEED_FORWARD)?,
                out_norm: t.norm()?,
            });
        }
        Ok(Bert {
            words,
            positions,
            token_type,
            norm,
            layers,
        })
    }

    /// The sentence vector of the token ids (at most `POSITIONS` of them).
    pub(crate) fn embed(&self, ids: &[u32]) -> Vec<f32> {
        let n = ids.len().min(POSITIONS);
        let mut x = vec![0f32; n * DIM];
        let (mut word, mut position) = ([0f32; DIM], [0f32; DIM]);
        for (t, &id) in ids[..n].iter().enumerate() {
            self.words
                .row((id as usize).min(self.words.rows - 1), &mut word);
            self.positions.row(t, &mut position);
            for (j, v) in x[t * DIM..(t + 1) * DIM].iter_mut().enumerate() {
                *v = word[j] + position[j] + self.token_type[j];
            }
        }
        self.norm.apply(&mut x);
        for layer in &self.layers {
            x = layer.forward(&x, n);
        }
        let mut mean = vec![0f32; DIM];
        for token in x.chunks_exact(DIM) {
            for (m, v) in mean.iter_mut().zip(token) {
                *m += v;
            }
        }
        let length = mean.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
        mean.iter().map(|v| v / length).collect()
    }
}

/// The file's tensors in order, each taken with the shape it must have.
struct Tensors(std::iter::Enumerate<std::vec::IntoIter<Tensor>>);

impl Tensors {
    fn next(&mut self, rows: Option<usize>, cols: usize) -> Result<Tensor, String> {
        let (i, t) = self.0.next().ok_or("too few tensors")?;
        if rows.is_some_and(|r| r != t.rows) || t.cols != cols {
            return Err(format!(
                "tensor {i}: {}×{}, not the shape expected",
                t.rows, t.cols
            ));
        }
        Ok(t)
    }

    fn linear(&mut self, out: usize, inp: usize) -> Result<Linear, String> {
        Ok(Linear {
            weight: self.next(Some(out), inp)?,
            bias: self.next(Some(1), out)?.floats(),
        })
    }

    fn norm(&mut self) -> Result<Norm, String> {
        Ok(Norm {
            gain: self.next(Some(1), DIM)?.floats(),
            bias: self.next(Some(1), DIM)?.floats(),
        })
    }
}

/// Head `h`'s part of token `t`'s vector.
fn part(m: &[f32], t: usize, h: usize, head: usize) -> &[f32] {
    &m[t * DIM + h * head..t * DIM + (h + 1) * head]
}

impl Layer {
    fn forward(&self, x: &[f32], n: usize) -> Vec<f32> {
        let q = self.query.apply(x, n);
        let k = self.key.apply(x, n);
        let v = self.value.apply(x, n);
        let head = DIM / HEADS;
        let scale = 1.0 / (head as f32).sqrt();
        let mut context = vec![0f32; n * DIM];
        let mut scores = vec![0f32; n];
        for h in 0..HEADS {
            for i in 0..n {
                let qi = part(&q, i, h, head);
                let mut max = f32::MIN;
                for (j, s) in scores.iter_mut().enumerate() {
                    *s = dot(qi, part(&k, j, h, head)) * scale;
                    max = max.max(*s);
                }
                let mut sum = 0.0;
                for s in scores.iter_mut() {
                    *s = (*s - max).exp();
                    sum += *s;
                }
                let out = &mut context[i * DIM + h * head..i * DIM + (h + 1) * head];
                for (j, s) in scores.iter().enumerate() {
                    let p = s / sum;
                    for (o, vj) in out.iter_mut().zip(part(&v, j, h, head)) {
                        *o += p * vj;
                    }
                }
            }
        }
        let mut attended = self.attention_out.apply(&context, n);
        for (a, xi) in attended.iter_mut().zip(x) {
            *a += xi;
        }
        self.attention_norm.apply(&mut attended);
        let mut hidden = self.up.apply(&attended, n);
        for h in hidden.iter_mut() {
            *h = gelu(*h);
        }
        let mut out = self.down.apply(&hidden, n);
        for (o, a) in out.iter_mut().zip(&attended) {
            *o += a;
        }
        self.out_norm.apply(&mut out);
        out
    }
}

impl Norm {
    fn apply(&self, x: &mut [f32]) {
        for row in x.chunks_exact_mut(DIM) {
            let mean = row.iter().sum::<f32>() / DIM as f32;
            let variance = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / DIM as f32;
            let inverse = 1.0 / (variance + EPSILON).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.gain).zip(&self.bias) {
                *v = (*v - mean) * inverse * g + b;
            }
        }
    }
}

impl Linear {
    /// `x` (n rows) times the weight's transpose, plus the bias: each output row of the
    /// weight is read once and met with every token while it is in cache. Large products
    /// are split across the machine's cores by output.
    fn apply(&self, x: &[f32], n: usize) -> Vec<f32> {
        let (out, inp) = (self.weight.rows, self.weight.cols);
        let by_output = |rows: std::ops::Range<usize>| -> Vec<f32> {
            let mut y = Vec::with_capacity(rows.len() * n);
            let mut w = vec![0f32; inp];
            for o in rows {
                self.weight.row(o, &mut w);
                dots(&w, x, self.bias[o], &mut y);
            }
            y
        };
        let threads = if n * out * inp < 4_000_000 {
            1
        } else {
            cores()
        };
        // Output-major parts, then token-major, as the next step reads them.
        let parts: Vec<(usize, Vec<f32>)> = if threads == 1 {
            vec![(0, by_output(0..out))]
        } else {
            let chunk = out.div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|i| {
                        let rows = i * chunk..((i + 1) * chunk).min(out);
                        let start = rows.start;
                        let by_output = &by_output;
                        s.spawn(move || (start, by_output(rows)))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("no panic in a product"))
                    .collect()
            })
        };
        let mut y = vec![0f32; n * out];
        for (start, part) in parts {
            for (r, column) in part.chunks_exact(n).enumerate() {
                for (t, v) in column.iter().enumerate() {
                    y[t * out + start + r] = *v;
                }
            }
        }
        y
    }
}

/// The cores a product is split across (at most four), asked of the system once: on
/// Linux the answer reads the process's cgroup files, and an encoding makes dozens of
/// products.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |p| p.get().min(4)))
}

/// `w` met with each token of `x` (a dot product each), plus `bias`, appended to `y`:
/// eight lanes with fused multiply-adds where the processor has them (AVX2 and FMA,
/// checked once and remembered by the standard library), and the portable `dot`
/// elsewhere. The fused path encodes a 157-token message in about 121 ms against 140 on
/// this machine (`cargo run --release -p followup-sense --example timing`).
fn dots(w: &[f32], x: &[f32], bias: f32, y: &mut Vec<f32>) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the processor has AVX2 and FMA, checked just above.
        unsafe { dots_avx2(w, x, bias, y) };
        return;
    }
    y.extend(x.chunks_exact(w.len()).map(|xt| dot(xt, w) + bias));
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn dots_avx2(w: &[f32], x: &[f32], bias: f32, y: &mut Vec<f32>) {
    use std::arch::x86_64::{
        _mm256_add_ps, _mm256_fmadd_ps, _mm256_loadu_ps, _mm256_setzero_ps, _mm256_storeu_ps,
    };
    let inp = w.len();
    for xt in x.chunks_exact(inp) {
        let mut k = 0;
        let mut lanes = [0f32; 8];
        // SAFETY: every load reads 8 floats at k..k+8 with k + 16 <= inp, inside both
        // `xt` and `w` (each `inp` long); the store writes the 8 floats of `lanes`.
        unsafe {
            let (mut a, mut b) = (_mm256_setzero_ps(), _mm256_setzero_ps());
            while k + 16 <= inp {
                let (xp, wp) = (xt.as_ptr().add(k), w.as_ptr().add(k));
                a = _mm256_fmadd_ps(_mm256_loadu_ps(xp), _mm256_loadu_ps(wp), a);
                b = _mm256_fmadd_ps(_mm256_loadu_ps(xp.add(8)), _mm256_loadu_ps(wp.add(8)), b);
                k += 16;
            }
            _mm256_storeu_ps(lanes.as_mut_ptr(), _mm256_add_ps(a, b));
        }
        let tail: f32 = xt[k..].iter().zip(&w[k..]).map(|(p, q)| p * q).sum();
        y.push(lanes.iter().sum::<f32>() + tail + bias);
    }
}

/// A dot product in eight lanes, which the compiler turns into vector instructions.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ac
        .remainder()
        .iter()
        .zip(bc.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ac.zip(bc) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// GELU as BERT defines it, with the error function to within 1.5e-7 (Abramowitz and
/// Stegun 7.1.26).
fn gelu(x: f32) -> f32 {
    let z = f64::from(x) / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z.abs());
    let poly = ((((1.061_405_429 * t - 1.453_152_027) * t + 1.421_413_741) * t - 0.284_496_736)
        * t
        + 0.254_829_592)
        * t;
    let erf = (1.0 - poly * (-z * z).exp()).copysign(z);
    (0.5 * f64::from(x) * (1.0 + erf)) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gelu_matches_known_values() {
        for (x, want) in [
            (0.0, 0.0),
            (1.0, 0.841_344_7),
            (-1.0, -0.158_655_26),
            (3.0, 2.995_950_3),
        ] {
            assert!((gelu(x) - want).abs() < 1e-6, "{x}: {}", gelu(x));
        }
    }

    #[test]
    fn dot_products_of_any_length() {
        let a: Vec<f32> = (0..19).map(|i| i as f32).collect();
        assert_eq!(dot(&a, &a), (0..19).map(|i| (i * i) as f32).sum::<f32>());
    }

    #[test]
    fn every_path_to_the_products_agrees() {
        // Lengths with and without a tail past the 16-float steps; small integers, so
        // every path's sums are exact.
        for inp in [16, 40, 384] {
            let w: Vec<f32> = (0..inp).map(|i| (i % 7) as f32 - 3.0).collect();
            let x: Vec<f32> = (0..inp * 3).map(|i| (i % 5) as f32 - 2.0).collect();
            let mut y = Vec::new();
            dots(&w, &x, 0.5, &mut y);
            let want: Vec<f32> = x.chunks_exact(inp).map(|t| dot(t, &w) + 0.5).collect();
            assert_eq!(y, want, "{inp}");
        }
    }
}

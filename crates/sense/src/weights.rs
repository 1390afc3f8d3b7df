//! The weights file: its vocabulary and tensors; a row of a 4-bit matrix is made 32-bit
//! floats when it is used.
//! The format is data/generate-sense-model.py's: b"FUSENSE1", a u32 token count, each
//! token as a u8 length and UTF-8 bytes, then tensors, each a u8 kind (0: f32, 1: 4-bit
//! in groups of 32 sharing a 16-bit float scale), u32 rows, u32 columns and the data.

/// A tensor: rows × columns, row after row, as 32-bit floats or as the file's 4-bit
/// groups. Matrices stay 4-bit, where the file has them (the weights compiled into the
/// binary: 12 MB rather than 86, and nothing copied when they are read), and a row
/// becomes floats when it is used: a product meets each weight row with every token at
/// once, so that is once a row, and a process that reads one message does not first
/// unpack 21 million numbers.
#[derive(Debug)]
pub(crate) struct Tensor {
    pub rows: usize,
    pub cols: usize,
    values: Values,
}

#[derive(Debug)]
enum Values {
    Floats(Vec<f32>),
    /// The file's groups of 32 as they are: a 16-bit float scale, then the values two to
    /// a byte.
    FourBit(&'static [u8]),
}

impl Tensor {
    /// Row `r` as floats, into `out` (`cols` long).
    pub(crate) fn row(&self, r: usize, out: &mut [f32]) {
        let cols = self.cols;
        match &self.values {
            Values::Floats(data) => out.copy_from_slice(&data[r * cols..(r + 1) * cols]),
            Values::FourBit(groups) => {
                let first = r * cols / GROUP;
                for (g, chunk) in out.chunks_exact_mut(GROUP).enumerate() {
                    let group = &groups[(first + g) * GROUP_BYTES..(first + g + 1) * GROUP_BYTES];
                    let scale = f16_to_f32(u16::from_le_bytes([group[0], group[1]]));
                    for (pair, &byte) in chunk.chunks_exact_mut(2).zip(&group[2..]) {
                        // Two values a byte, the first in the low four bits, each -8..7.
                        pair[0] = f32::from(((byte << 4) as i8) >> 4) * scale;
                        pair[1] = f32::from((byte as i8) >> 4) * scale;
                    }
                }
            }
        }
    }

    /// The whole tensor as floats (for the small ones: biases and norms).
    pub(crate) fn floats(&self) -> Vec<f32> {
        let mut out = vec![0f32; self.rows * self.cols];
        for (r, row) in out.chunks_exact_mut(self.cols.max(1)).enumerate() {
            self.row(r, row);
        }
        out
    }
}

const GROUP: usize = 32;
/// A group in the file: its scale (two bytes) and 32 values, two to a byte.
const GROUP_BYTES: usize = 2 + GROUP / 2;

struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("the weights end early, at byte {}", self.at))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<usize, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
}

/// The vocabulary (in id order) and the tensors (in file order). The 4-bit tensors are
/// the file's own bytes, so the file lives as long as the program (it is compiled in).
pub(crate) fn read(bytes: &'static [u8]) -> Result<(Vec<&'static str>, Vec<Tensor>), String> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(8)? != b"FUSENSE1" {
        return Err("not a sentence encoder's weights (no FUSENSE1 at the start)".into());
    }
    let count = r.u32()?;
    let mut vocab = Vec::with_capacity(count);
    for _ in 0..count {
        let len = r.u8()? as usize;
        let token =
            std::str::from_utf8(r.take(len)?).map_err(|e| format!("token {}: {e}", vocab.len()))?;
        vocab.push(token);
    }
    let mut tensors = Vec::new();
    while r.at < bytes.len() {
        let kind = r.u8()?;
        let (rows, cols) = (r.u32()?, r.u32()?);
        let n = rows
            .checked_mul(cols)
            .ok_or_else(|| format!("tensor {}: too large", tensors.len()))?;
        let values = match kind {
            0 => Values::Floats(
                r.take(n * 4)?
                    .chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            ),
            // Each row is whole groups, so a row is read without its neighbours.
            1 if cols % GROUP == 0 => Values::FourBit(r.take(n / GROUP * GROUP_BYTES)?),
            _ => return Err(format!("tensor {}: unknown kind {kind}", tensors.len())),
        };
        tensors.push(Tensor { rows, cols, values });
    }
    Ok((vocab, tensors))
}

/// An IEEE 754 half-precision float as a single-precision one.
fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h >> 15) << 31;
    let exp = u32::from((h >> 10) & 0x1F);
    let frac = u32::from(h & 0x3FF);
    let bits = match (exp, frac) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: renormalise.
            let shift = frac.leading_zeros() - 21;
            sign | ((127 - 15 + 1 - shift) << 23) | ((frac << shift) & 0x3FF) << 13
        }
        (0x1F, _) => sign | 0x7F80_0000 | (frac << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_convert_exactly() {
        assert_eq!(f16_to_f32(0x3C00), 1.0);
        assert_eq!(f16_to_f32(0xC000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x0000), 0.0);
        assert_eq!(f16_to_f32(0x7BFF), 65504.0);
    }

    #[test]
    fn a_bad_file_is_refused_with_where() {
        assert!(read(b"NOTSENSE").unwrap_err().contains("FUSENSE1"));
        assert!(
            read(b"FUSENSE1\x05\0\0\0")
                .unwrap_err()
                .contains("end early")
        );
        let mut two = b"FUSENSE1\0\0\0\0".to_vec();
        two.extend([7, 1, 0, 0, 0, 1, 0, 0, 0]);
        assert!(read(two.leak()).unwrap_err().contains("unknown kind 7"));
    }

    #[test]
    fn four_bit_groups_read_back() {
        let mut file = b"FUSENSE1\0\0\0\0".to_vec();
        file.extend([1, 1, 0, 0, 0, 32, 0, 0, 0]);
        file.extend(0x3800u16.to_le_bytes()); // scale 0.5
        // Values 0, 1, ..., 7, -8, ..., -1, twice: low nibble first.
        for i in 0..16u8 {
            file.push(((2 * i) % 16) | (((2 * i + 1) % 16) << 4));
        }
        let (_, t) = read(file.leak()).unwrap();
        let want: Vec<f32> = (0..32)
            .map(|i| (((i % 16) as i8) << 4 >> 4) as f32 * 0.5)
            .collect();
        assert_eq!((t[0].rows, t[0].cols), (1, 32));
        assert_eq!(t[0].floats(), want);
    }
}

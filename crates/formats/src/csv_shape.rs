//! The shape of CSV text, checked as it streams past the parser: the csv crate reads an
//! unterminated quote to the end of the file (every later row vanishes into one field),
//! and takes stray quotes and NUL bytes without a word. This reader notes the first such
//! problem with its line, so the import can refuse the file instead.

use crate::LineError;
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first of `""`.
    QuoteInQuoted,
}

/// Wraps CSV input; `problem()` holds the first malformation found.
pub struct ShapeChecked<R> {
    inner: R,
    state: State,
    line: usize,
    quote_opened: usize,
    problem: Rc<RefCell<Option<LineError>>>,
}

impl<R: Read> ShapeChecked<R> {
    pub fn new(inner: R) -> (ShapeChecked<R>, Rc<RefCell<Option<LineError>>>) {
        let problem = Rc::new(RefCell::new(None));
        (
            ShapeChecked {
                inner,
                state: State::FieldStart,
                line: 1,
                quote_opened: 1,
                problem: problem.clone(),
            },
            problem,
        )
    }

    fn note(&self, line: usize, problem: &str) {
        let mut slot = self.problem.borrow_mut();
        if slot.is_none() {
            *slot = Some(LineError::new(line, problem));
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == 0 {
                self.note(
                    self.line,
                    "holds a NUL byte: is this really a CSV text file?",
                );
            }
            self.state = match (self.state, b) {
                (State::FieldStart, b'"') => {
                    self.quote_opened = self.line;
                    State::Quoted
                }
                (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b',') => {
                    State::FieldStart
                }
                (_, b'\n') if self.state != State::Quoted => {
                    self.line += 1;
                    State::FieldStart
                }
                (State::Quoted, b'\n') => {
                    self.line += 1;
                    State::Quoted
                }
                (State::Unquoted, b'"') => {
                    self.note(
                        self.line,
                        "has a quote inside a field that does not start with one; put the whole field in quotes and double the quote (\"\")",
                    );
                    State::Unquoted
                }
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::QuoteInQuoted, b'"') => State::Quoted,
                (State::QuoteInQuoted, b'\r') => State::QuoteInQuoted,
                (State::QuoteInQuoted, _) => {
                    self.note(
                        self.line,
                        "has text after a closing quote; double a quote inside a quoted field (\"\")",
                    );
                    State::Unquoted
                }
                (State::FieldStart | State::Unquoted, _) => State::Unquoted,
                (State::Quoted, _) => State::Quoted,
            };
        }
    }
}

impl<R: Read> Read for ShapeChecked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.state == State::Quoted {
                self.note(
                    self.quote_opened,
                    "opens a quoted field that is never closed: the rest of the file would be read into it",
                );
            }
        } else {
            self.scan(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> Option<LineError> {
        let (mut r, p) = ShapeChecked::new(text.as_bytes());
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap();
        p.borrow().clone()
    }

    #[test]
    fn good_csv_passes_including_quoted_newlines_and_doubled_quotes() {
        assert!(problem("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\nz,w\n").is_none());
    }

    #[test]
    fn malformations_are_found_with_their_line() {
        let p = problem("company,role\nAcme,\"Platform Eng\nGlobex,Dev\n").unwrap();
        assert_eq!(p.line, 2);
        assert!(p.problem.contains("never closed"), "{p:?}");
        let p = problem("company,role\nAc\"me,Dev\n").unwrap();
        assert_eq!(p.line, 2);
        let p = problem("company,role\n\"Acme\"x,Dev\n").unwrap();
        assert!(p.problem.contains("after a closing quote"), "{p:?}");
        let p = problem("company,role\nAcme,D\0ev\n").unwrap();
        assert!(p.problem.contains("NUL"), "{p:?}");
    }
}

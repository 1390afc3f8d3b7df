//! A scripted SMTP server on loopback for the send tests: one fault per connection, in
//! order; messages count as received once the final "." is read.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Fault {
    None,
    Mail451,
    Rcpt550,
    DropAfterContent,
    /// Waits this long before answering DATA (a slow server, for a send in progress).
    SlowData(u64),
}

pub struct FakeSmtp {
    pub port: u16,
    pub received: Arc<Mutex<Vec<String>>>,
    pub connections: Arc<Mutex<usize>>,
}

impl FakeSmtp {
    /// Serves connections; the n-th uses `faults[n]` (or `Fault::None` past the end).
    pub fn start(faults: Vec<Fault>) -> FakeSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (store, count) = (received.clone(), connections.clone());
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { return };
                *count.lock().unwrap() += 1;
                let fault = faults.get(n).copied().unwrap_or(Fault::None);
                let _ = serve(stream, fault, &store);
            }
        });
        FakeSmtp {
            port,
            received,
            connections,
        }
    }

    pub fn received(&self) -> Vec<String> {
        std::thread::sleep(Duration::from_millis(50));
        self.received.lock().unwrap().clone()
    }

    pub fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

fn serve(
    stream: std::net::TcpStream,
    fault: Fault,
    store: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    let mut say = |text: &str| out.write_all(format!("{text}\r\n").as_bytes());
    say("220 fake.local ESMTP")?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_ascii_uppercase();
        if cmd.starts_with("EHLO") {
            say("250-fake.local\r\n250 8BITMIME")?;
        } else if cmd.starts_with("MAIL") {
            say(if fault == Fault::Mail451 {
                "451 try later"
            } else {
                "250 ok"
            })?;
        } else if cmd.starts_with("RCPT") {
            say(if fault == Fault::Rcpt550 {
                "550 no such user"
            } else {
                "250 ok"
            })?;
        } else if cmd == "DATA" {
            if let Fault::SlowData(ms) = fault {
                std::thread::sleep(Duration::from_millis(ms));
            }
            say("354 go ahead")?;
            let mut message = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                message.push_str(&line);
            }
            store.lock().unwrap().push(message);
            if fault == Fault::DropAfterContent {
                return Ok(());
            }
            say("250 queued as 42")?;
        } else if cmd == "QUIT" {
            say("221 bye")?;
            return Ok(());
        } else {
            say("250 ok")?;
        }
    }
}

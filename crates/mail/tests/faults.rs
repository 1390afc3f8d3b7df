//! Delivery against a scripted SMTP server on loopback: every way a server can fail, and
//! what the outbox is told. The content counts as received when the server has read the
//! final ".".

use followup_mail::{Delivery, Security, SmtpSettings, deliver};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Copy, PartialEq)]
enum Fault {
    None,
    Greeting421,
    Mail451,
    Rcpt550,
    DropAfterContent,
    StallAfterContent,
    Reply451AfterContent,
    Reply554AfterContent,
}

/// Serves one connection with `fault`; returns the port and the messages received.
fn server(fault: Fault) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut out = stream.try_clone().unwrap();
        let mut lines = BufReader::new(stream);
        let mut say = |text: &str| {
            let _ = out.write_all(format!("{text}\r\n").as_bytes());
        };
        if fault == Fault::Greeting421 {
            say("421 busy, try later");
            return;
        }
        say("220 test.local ESMTP");
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let cmd = line.trim_end().to_ascii_uppercase();
            if cmd.starts_with("EHLO") {
                say("250-test.local\r\n250 8BITMIME");
            } else if cmd.starts_with("MAIL") {
                say(if fault == Fault::Mail451 {
                    "451 try again later"
                } else {
                    "250 ok"
                });
            } else if cmd.starts_with("RCPT") {
                say(if fault == Fault::Rcpt550 {
                    "550 no such user"
                } else {
                    "250 ok"
                });
            } else if cmd == "DATA" {
                say("354 go ahead");
                let mut message = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    message.push_str(&line);
                }
                store.lock().unwrap().push(message);
                match fault {
                    Fault::DropAfterContent => return,
                    Fault::StallAfterContent => {
                        std::thread::sleep(Duration::from_secs(3));
                        return;
                    }
                    Fault::Reply451AfterContent => say("451 local error"),
                    Fault::Reply554AfterContent => say("554 rejected as spam"),
                    _ => say("250 2.0.0 queued as 1234"),
                }
            } else if cmd == "QUIT" {
                say("221 bye");
                return;
            } else {
                say("250 ok");
            }
        }
    });
    (port, received)
}

fn settings(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        user: None,
        password: None,
        timeout: Duration::from_secs(1),
    }
}

fn attempt(fault: Fault) -> (Delivery, usize) {
    let (port, received) = server(fault);
    let outcome = deliver(
        &settings(port),
        "sam@example.test",
        "priya@acme.test",
        b"Subject: hi\r\n\r\nHello\r\n",
    );
    std::thread::sleep(Duration::from_millis(50));
    let count = received.lock().unwrap().len();
    (outcome, count)
}

#[test]
fn a_250_after_the_content_is_sent() {
    let (outcome, received) = attempt(Fault::None);
    assert!(
        matches!(outcome, Delivery::Sent(ref m) if m.contains("queued")),
        "{outcome:?}"
    );
    assert_eq!(received, 1);
}

#[test]
fn refusals_before_the_content_are_failed_or_retried_and_nothing_arrives() {
    assert!(matches!(
        attempt(Fault::Greeting421),
        (Delivery::Retry(_), 0)
    ));
    assert!(matches!(attempt(Fault::Mail451), (Delivery::Retry(_), 0)));
    let (outcome, received) = attempt(Fault::Rcpt550);
    assert!(
        matches!(outcome, Delivery::Failed(ref m) if m.contains("550") || m.contains("no such user")),
        "{outcome:?}"
    );
    assert_eq!(received, 0);
}

#[test]
fn a_refused_connection_can_be_retried() {
    // Port 1 (tcpmux): nothing listens there, and no test can take it, as a port just
    // released by a listener of our own might be taken by another test's fake server.
    let outcome = deliver(&settings(1), "sam@example.test", "priya@acme.test", b"x");
    assert!(matches!(outcome, Delivery::Retry(_)), "{outcome:?}");
}

#[test]
fn a_broken_or_silent_server_after_the_content_is_unknown() {
    let (outcome, received) = attempt(Fault::DropAfterContent);
    assert!(matches!(outcome, Delivery::Unknown(_)), "{outcome:?}");
    assert_eq!(
        received, 1,
        "the server did get it: that is why it must not be resent"
    );
    let (outcome, _) = attempt(Fault::StallAfterContent);
    assert!(matches!(outcome, Delivery::Unknown(_)), "{outcome:?}");
}

#[test]
fn an_answer_after_the_content_is_definite() {
    assert!(matches!(
        attempt(Fault::Reply451AfterContent).0,
        Delivery::Retry(_)
    ));
    assert!(matches!(
        attempt(Fault::Reply554AfterContent).0,
        Delivery::Failed(_)
    ));
}

//! A real SMTP listener on loopback for delivery tests: it refuses
//! connections (421) until told to accept, then speaks enough SMTP to take
//! a message and keeps what it received.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    accepting: Arc<AtomicBool>,
    received: Arc<Mutex<Vec<String>>>,
}

impl SmtpServer {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding the SMTP listener");
        let server = SmtpServer {
            port: listener.local_addr().unwrap().port(),
            accepting: Arc::new(AtomicBool::new(false)),
            received: Arc::new(Mutex::new(Vec::new())),
        };
        let shared = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let s = shared.clone();
                std::thread::spawn(move || s.handle(stream));
            }
        });
        server
    }

    pub fn accept(&self) {
        self.accepting.store(true, Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }

    fn handle(&self, mut stream: TcpStream) {
        if !self.accepting.load(Ordering::SeqCst) {
            let _ = stream.write_all(b"421 4.3.2 Service not available, try again later\r\n");
            return;
        }
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let _ = stream.write_all(b"220 test-smtp ESMTP ready\r\n");
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let cmd = line.trim_end().to_ascii_uppercase();
            let reply: &[u8] = if cmd.starts_with("EHLO") {
                b"250-test-smtp\r\n250 8BITMIME\r\n"
            } else if cmd.starts_with("HELO")
                || cmd.starts_with("MAIL")
                || cmd.starts_with("RCPT")
                || cmd.starts_with("RSET")
                || cmd.starts_with("NOOP")
            {
                b"250 OK\r\n"
            } else if cmd.starts_with("DATA") {
                let _ = stream.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n");
                let mut message = String::new();
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    message.push_str(&line);
                }
                self.received.lock().unwrap().push(message);
                b"250 OK queued\r\n"
            } else if cmd.starts_with("QUIT") {
                let _ = stream.write_all(b"221 Bye\r\n");
                return;
            } else {
                b"502 Command not implemented\r\n"
            };
            if stream.write_all(reply).is_err() {
                return;
            }
        }
    }
}

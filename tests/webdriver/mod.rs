//! A minimal blocking W3C WebDriver client over HTTP/1.1 on a `TcpStream`: enough to open a page
//! in headless Chromium through chromedriver, run scripts, click, type and take screenshots,
//! without an async runtime or an HTTP dependency.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// A chromedriver process and one browser session; both end on drop.
pub struct Browser {
    driver: Child,
    /// chromedriver's log, whose end goes into the message of a failed command.
    log: PathBuf,
    port: u16,
    session: String,
}

/// Chromium's flags for this machine: headless, as root, and no background network traffic
/// (the network refuses it and Chromium would keep retrying).
const ARGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--hide-scrollbars",
    "--window-size=1280,1000",
];

impl Browser {
    pub fn start(chromium: &Path, chromedriver: &Path, profile: &Path) -> Browser {
        Browser::start_with(chromium, chromedriver, profile, &[])
    }

    /// Starts with extra Chromium flags (e.g. JavaScript off).
    pub fn start_with(
        chromium: &Path,
        chromedriver: &Path,
        profile: &Path,
        extra: &[&str],
    ) -> Browser {
        // chromedriver picks a free port itself and says which. A port picked here and released
        // could be taken by another test's chromedriver first: this one would then exit, and the
        // test would share the other's, which ends with that test (a CI run failed so once).
        let log = profile.with_extension("chromedriver.log");
        let mut driver = Command::new(chromedriver)
            .arg("--port=0")
            .arg(format!("--log-path={}", log.display()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let port = announced_port(driver.stdout.take().expect("chromedriver's stdout"));
        let mut browser = Browser {
            driver,
            log,
            port,
            session: String::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(v) = browser.request("GET", "/status", None) {
                if v["value"]["ready"] == true {
                    break;
                }
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(extra.iter().map(|s| s.to_string()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium.to_string_lossy(), "args": args}
        }}});
        let v = browser
            .request("POST", "/session", Some(&caps))
            .expect("new session");
        browser.session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        browser
    }

    /// One WebDriver command; panics with the driver's message on a WebDriver error.
    pub fn cmd(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let full = format!("/session/{}{path}", self.session);
        let v = self
            .request(method, &full, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}\n{}", self.log_tail()));
        if v["value"].get("error").is_some() {
            panic!("{method} {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    /// The last lines of chromedriver's log, to tell a crash from a refusal.
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        format!(
            "end of chromedriver's log ({}):\n{tail}",
            self.log.display()
        )
    }

    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Runs `script` (a function body) in the page and returns its value.
    pub fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": [] })),
        )
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(&json!({ "using": "css selector", "value": css })),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("element reference")
            .to_string()
    }

    /// Clicks the element like a person would (WebDriver checks it is visible and on top).
    pub fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/click"), Some(&json!({})));
    }

    /// Presses and releases one key, sent to whatever has focus.
    pub fn press(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}
        ]}]});
        self.cmd("POST", "/actions", Some(&actions));
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        let v = self.cmd("GET", "/screenshot", None);
        base64_decode(v.as_str().expect("base64 screenshot"))
    }

    fn request(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        let body = body.map(Value::to_string).unwrap_or_default();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.port,
            body.len()
        );
        stream
            .write_all(head.as_bytes())
            .and_then(|_| stream.write_all(body.as_bytes()))
            .map_err(|e| e.to_string())?;
        let mut reader = BufReader::new(stream);
        let mut chunked = false;
        let mut length: Option<usize> = None;
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            return Err("chromedriver closed the connection without a response".to_string());
        }
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(|e| e.to_string())?;
            let l = line.trim_end().to_ascii_lowercase();
            if l.is_empty() {
                break;
            }
            if l.starts_with("transfer-encoding:") && l.contains("chunked") {
                chunked = true;
            }
            if let Some(n) = l.strip_prefix("content-length:") {
                length = n.trim().parse().ok();
            }
        }
        let mut data = Vec::new();
        if chunked {
            loop {
                line.clear();
                reader.read_line(&mut line).map_err(|e| e.to_string())?;
                let size = usize::from_str_radix(line.trim(), 16).map_err(|e| e.to_string())?;
                if size == 0 {
                    break;
                }
                let mut chunk = vec![0; size + 2];
                reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
                data.extend_from_slice(&chunk[..size]);
            }
        } else if let Some(n) = length {
            data.resize(n, 0);
            reader.read_exact(&mut data).map_err(|e| e.to_string())?;
        } else {
            reader.read_to_end(&mut data).map_err(|e| e.to_string())?;
        }
        serde_json::from_slice(&data)
            .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&data)))
    }
}

/// The port in chromedriver's "ChromeDriver was started successfully on port N." line. The rest
/// of its output is read and dropped, so that it never blocks on a full pipe.
fn announced_port(stdout: ChildStdout) -> u16 {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut tx = Some(tx);
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let port = line
                .split_once("started successfully on port ")
                .and_then(|(_, p)| p.trim_end().trim_end_matches('.').parse::<u16>().ok());
            if let Some(port) = port {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(port);
                }
            }
        }
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(port) => port,
        Err(RecvTimeoutError::Timeout) => panic!("chromedriver did not say its port in 20 s"),
        Err(RecvTimeoutError::Disconnected) => panic!("chromedriver ended before saying its port"),
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.request("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

//! Who holds a claim on a send: this host, this process and a random part, and whether
//! the process that made a claim may still be running.

/// Who claims a send: this host, this process, and a random part.
pub(super) fn claimant() -> String {
    let mut r = [0u8; 6];
    getrandom::fill(&mut r).expect("the OS random source is available");
    let hex: String = r.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}:{}:{hex}", host_name(), std::process::id())
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty() && !h.contains(':'))
        .unwrap_or_else(|| "localhost".into())
}

/// Whether the process that made a claim may still run: on this host, its pid is alive
/// (where the system lets us look); elsewhere only the lease can tell.
pub(super) fn process_alive(claimed_by: &str) -> bool {
    let mut parts = claimed_by.split(':');
    let (Some(host), Some(pid)) = (parts.next(), parts.next()) else {
        return false;
    };
    if host != host_name() || !std::path::Path::new("/proc/self").exists() {
        return true;
    }
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

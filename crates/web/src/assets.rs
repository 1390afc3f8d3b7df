//! The files pages load, compiled in: htmx (vendored, 0BSD), our stylesheet and script.
//! htmx also comes gzip-compressed as its package ships it (17 KB instead of 52), sent to
//! browsers that accept gzip: most of a first page load's bytes are htmx.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

struct Asset {
    name: &'static str,
    kind: &'static str,
    body: &'static [u8],
    gzipped: Option<&'static [u8]>,
}

const FILES: &[Asset] = &[
    Asset {
        name: "htmx.js",
        kind: "text/javascript; charset=utf-8",
        body: include_bytes!("../assets/htmx-2.0.11.min.js"),
        gzipped: Some(include_bytes!("../assets/htmx-2.0.11.min.js.gz")),
    },
    Asset {
        name: "app.js",
        kind: "text/javascript; charset=utf-8",
        body: include_bytes!("../assets/app.js"),
        gzipped: None,
    },
    Asset {
        name: "style.css",
        kind: "text/css; charset=utf-8",
        body: include_bytes!("../assets/style.css"),
        gzipped: None,
    },
];

pub async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(asset) = FILES.iter().find(|a| a.name == name) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    let accepts_gzip = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    let mut response = match asset.gzipped.filter(|_| accepts_gzip) {
        Some(gz) => {
            let mut r = gz.into_response();
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            r
        }
        None => asset.body.into_response(),
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.kind));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

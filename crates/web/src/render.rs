//! Pages from templates: minijinja, compiled into the binary, with HTML auto-escaping
//! (every value a user typed or imported is escaped where it is shown) and strict
//! undefined variables (a template naming a missing value is an error, caught by the
//! template test, not an empty space on a page).

use crate::error::WebError;
use axum::response::Html;
use minijinja::{Environment, UndefinedBehavior, Value};
use std::sync::OnceLock;

/// A template's values from `name => expression` pairs (or a bare `name` for a variable
/// of that name), each turned into a template value through serde.
#[macro_export]
macro_rules! values {
    (@put $m:ident;) => {};
    (@put $m:ident; $k:ident => $v:expr $(, $($rest:tt)*)?) => {
        $m.insert(stringify!($k), minijinja::Value::from(minijinja::value::Serde(&$v)));
        $crate::values!(@put $m; $($($rest)*)?);
    };
    (@put $m:ident; $k:ident $(, $($rest:tt)*)?) => {
        $m.insert(stringify!($k), minijinja::Value::from(minijinja::value::Serde(&$k)));
        $crate::values!(@put $m; $($($rest)*)?);
    };
    ($($t:tt)*) => {{
        #[allow(unused_mut)]
        let mut m = std::collections::BTreeMap::<&str, minijinja::Value>::new();
        $crate::values!(@put m; $($t)*);
        minijinja::Value::from(minijinja::value::Serde(m))
    }};
}

/// Every template, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("forms.html", include_str!("../templates/forms.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("today.html", include_str!("../templates/today.html")),
    ("profile.html", include_str!("../templates/profile.html")),
    (
        "applications.html",
        include_str!("../templates/applications.html"),
    ),
    (
        "application.html",
        include_str!("../templates/application.html"),
    ),
    (
        "application_form.html",
        include_str!("../templates/application_form.html"),
    ),
    (
        "interview.html",
        include_str!("../templates/interview.html"),
    ),
    (
        "interview_form.html",
        include_str!("../templates/interview_form.html"),
    ),
    ("draft.html", include_str!("../templates/draft.html")),
    ("findings.html", include_str!("../templates/findings.html")),
    ("call.html", include_str!("../templates/call.html")),
    ("contacts.html", include_str!("../templates/contacts.html")),
    ("contact.html", include_str!("../templates/contact.html")),
    ("settings.html", include_str!("../templates/settings.html")),
    ("calendar.html", include_str!("../templates/calendar.html")),
    ("backup.html", include_str!("../templates/backup.html")),
    ("login.html", include_str!("../templates/login.html")),
    (
        "templates.html",
        include_str!("../templates/templates.html"),
    ),
    ("template.html", include_str!("../templates/template.html")),
];

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            // A template that does not parse fails the template test; here it is skipped
            // so the rest of the app still serves.
            let _ = env.add_template(name, source);
        }
        env
    })
}

/// Renders `name` (a page or a part of one) to text.
pub fn fragment(name: &str, ctx: Value) -> Result<String, WebError> {
    env()
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| {
            // The details are for us, on the server's standard error; the page says less.
            eprintln!("followup: template {name}: {e:#}");
            WebError::internal(format!(
                "the page {name} could not be shown (a fault in Followup)"
            ))
        })
}

/// An error as a page; plain words when even that fails.
pub fn error_page(e: &WebError) -> Html<String> {
    let ctx = minijinja::context! {
        title => e.status.canonical_reason().unwrap_or("Error"),
        status => e.status.as_u16(),
        message => &e.message,
        csrf => "",
        nav => "",
        logged_in => false,
    };
    match fragment("error.html", ctx) {
        Ok(html) => Html(html),
        Err(_) => Html(format!(
            "<!doctype html><title>Error</title><p>{}</p>",
            escape(&e.message)
        )),
    }
}

/// HTML-escapes text for the rare page part written outside a template.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses() {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("{name}: {e:#}"));
        }
    }

    #[test]
    fn escape_covers_markup() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/script&gt;"
        );
    }
}

//! Handlebars templates, embedded in the binary from `templates/` so that
//! `cargo run` serves them from anywhere. Pages and HTML emails escape
//! every value; plain-text emails and subjects do not (they are not HTML).

use std::sync::LazyLock;

use handlebars::Handlebars;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct TemplateFiles;

fn registry(escape: bool) -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(false);
    hb.set_dev_mode(false);
    // Indenting partial output would also indent the lines of multi-line
    // values (a textarea's content), changing what people typed.
    hb.set_prevent_indent(true);
    if !escape {
        hb.register_escape_fn(handlebars::no_escape);
    }
    for path in TemplateFiles::iter() {
        let file = TemplateFiles::get(&path).expect("listed template exists");
        let source = String::from_utf8_lossy(&file.data);
        let name = path.trim_end_matches(".hbs");
        hb.register_template_string(name, source)
            .unwrap_or_else(|e| panic!("template {path} does not compile: {e}"));
    }
    hb
}

static HTML: LazyLock<Handlebars<'static>> = LazyLock::new(|| registry(true));
static TEXT: LazyLock<Handlebars<'static>> = LazyLock::new(|| registry(false));

/// The registry for HTML: every `{{value}}` is escaped.
pub fn html() -> &'static Handlebars<'static> {
    &HTML
}

/// The registry for plain text (email subjects and bodies).
pub fn text() -> &'static Handlebars<'static> {
    &TEXT
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_compiles() {
        assert!(super::html().get_templates().len() > 5);
        assert!(super::text().get_templates().len() > 5);
    }
}

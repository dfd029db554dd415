//! Handlebars templates, embedded in the binary from `templates/` so that
//! `cargo run` serves them from anywhere. Pages and HTML emails escape
//! every value; plain-text emails and subjects do not (they are not HTML).
//!
//! Words come from the language files through the `t` helper, in the
//! language the context names (`locale`, English when absent):
//! `{{t "apply-title" job=job.title}}`, or as a value for a partial,
//! `{{> field label=(t "apply-name")}}`. A message whose key ends in
//! `-html` holds markup from the translation file; `{{{t-html ...}}}`
//! writes it as is, with the variables escaped.

use std::sync::LazyLock;

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use rust_embed::RustEmbed;
use serde_json::Value;

use crate::i18n::{self, Locale};

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct TemplateFiles;

/// The `t` and `t-html` helpers. `strict` (the tests) refuses a message
/// the context's language lacks or a variable not given, where a server
/// falls back to English and logs.
struct Translate {
    strict: bool,
    /// `t-html`: the message's markup is kept, its variables escaped.
    html: bool,
}

impl HelperDef for Translate {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let key = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        if self.html != key.ends_with("-html") {
            return Err(RenderErrorReason::Other(format!(
                "{key}: messages with markup end in -html and are written with t-html"
            ))
            .into());
        }
        let locale = ctx
            .data()
            .get("locale")
            .and_then(Value::as_str)
            .map(Locale::parse_or_english)
            .unwrap_or_default();
        let escaped: Vec<(&str, Value)> = h
            .hash()
            .iter()
            .map(|(name, v)| {
                let value = match (self.html, v.value()) {
                    (true, Value::String(s)) => Value::String(handlebars::html_escape(s)),
                    (_, other) => other.clone(),
                };
                (*name, value)
            })
            .collect();
        let args = i18n::args_from_json(escaped.iter().map(|(n, v)| (*n, v)));
        let args = (!h.hash().is_empty()).then_some(&args);
        let text = if self.strict {
            locale
                .lookup_strict(key, args)
                .map_err(RenderErrorReason::Other)?
        } else {
            locale.text_with(key, args)
        };
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}

fn registry(escape: bool, strict: bool) -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.register_helper(
        "t",
        Box::new(Translate {
            strict,
            html: false,
        }),
    );
    hb.register_helper("t-html", Box::new(Translate { strict, html: true }));
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

static HTML: LazyLock<Handlebars<'static>> = LazyLock::new(|| registry(true, false));
static TEXT: LazyLock<Handlebars<'static>> = LazyLock::new(|| registry(false, false));

/// The registry for HTML: every `{{value}}` is escaped.
pub fn html() -> &'static Handlebars<'static> {
    &HTML
}

/// The registry for plain text (email subjects and bodies).
pub fn text() -> &'static Handlebars<'static> {
    &TEXT
}

/// Whether a template is read by staff only (which may stay in English).
pub fn staff_only(name: &str) -> bool {
    name.starts_with("pages/admin/")
        || name.starts_with("pages/auth/")
        || name.starts_with("emails/staff_invitation")
        || name.starts_with("emails/password_reset")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        assert!(super::html().get_templates().len() > 5);
        assert!(super::text().get_templates().len() > 5);
    }

    /// Every `t "key"` in the template sources, by template.
    fn keys_used() -> Vec<(String, String)> {
        let pattern = regex::Regex::new(r#"\bt(?:-html)? "([^"]+)""#).unwrap();
        let mut used = Vec::new();
        for path in TemplateFiles::iter() {
            let file = TemplateFiles::get(&path).unwrap();
            let source = String::from_utf8_lossy(&file.data);
            for c in pattern.captures_iter(&source) {
                used.push((path.trim_end_matches(".hbs").to_string(), c[1].to_string()));
            }
        }
        used
    }

    #[test]
    fn every_message_a_template_uses_exists_in_its_languages() {
        let used = keys_used();
        assert!(used.len() > 5, "templates use the t helper");
        let mut missing = Vec::new();
        for (template, key) in &used {
            for locale in Locale::all() {
                if (locale == Locale::ENGLISH || !staff_only(template)) && !locale.has(key) {
                    missing.push(format!("{template}: {key} ({})", locale.code()));
                }
            }
        }
        assert!(missing.is_empty(), "missing messages: {missing:#?}");
    }

    #[test]
    fn every_template_renders_in_each_of_its_languages() {
        // Strict: a message the language lacks, or a variable a message
        // needs and the template does not give, fails the render.
        let registries = [registry(true, true), registry(false, true)];
        let mut failures = Vec::new();
        for hb in &registries {
            for name in hb.get_templates().keys() {
                // The layout is rendered through the pages, as a partial.
                if name.starts_with("layouts/") || name.starts_with("partials/") {
                    continue;
                }
                for locale in Locale::all() {
                    if locale != Locale::ENGLISH && staff_only(name) {
                        continue;
                    }
                    let ctx = serde_json::json!({ "locale": locale.code() });
                    if let Err(e) = hb.render(name, &ctx) {
                        failures.push(format!("{name} ({}): {e}", locale.code()));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn the_language_comes_from_the_context_and_values_are_escaped() {
        let hb = registry(true, true);
        let render = |t: &str, ctx: serde_json::Value| hb.render_template(t, &ctx).unwrap();
        assert_eq!(
            render(
                r#"{{t "layout-jobs"}}"#,
                serde_json::json!({ "locale": "fr" })
            ),
            Locale::parse("fr").unwrap().text("layout-jobs")
        );
        assert_eq!(
            render(r#"{{t "layout-jobs"}}"#, serde_json::json!({})),
            "Jobs"
        );
        assert!(hb
            .render_template(r#"{{t "no-such-key"}}"#, &serde_json::json!({}))
            .is_err());
        // Markup only from -html messages, written with t-html.
        assert!(render(
            r#"{{{t-html "layout-footer-html"}}}"#,
            serde_json::json!({})
        )
        .contains("<a href"));
        assert!(hb
            .render_template(r#"{{{t "layout-footer-html"}}}"#, &serde_json::json!({}))
            .is_err());
    }
}

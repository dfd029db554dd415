//! Markdown written by staff, rendered to HTML that is safe to show
//! anyone: pulldown-cmark to HTML, then ammonia's allow-list sanitiser.

use once_cell::sync::Lazy;
use pulldown_cmark::{html, Options, Parser};

/// One sanitiser for the process: building ammonia's allow-lists costs more
/// than cleaning a typical job section.
static SANITISER: Lazy<ammonia::Builder<'static>> = Lazy::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.link_rel(Some("noopener noreferrer nofollow"));
    builder
});

pub fn to_safe_html(markdown: &str) -> String {
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    SANITISER.clean(&unsafe_html).to_string()
}

/// Like `to_safe_html`, for text where angle brackets are meant literally
/// (a questionnaire's "Authorization: Bearer <key>", "<div data-id>"):
/// HTML in the source is shown as text instead of being dropped.
pub fn to_safe_html_literal(markdown: &str) -> String {
    use pulldown_cmark::Event;
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    html::push_html(&mut unsafe_html, events);
    SANITISER.clean(&unsafe_html).to_string()
}

/// The first `max_chars` characters of the text, without markup, for summaries.
pub fn plain_excerpt(markdown: &str, max_chars: usize) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                text.push(' ')
            }
            _ => {}
        }
        if text.chars().count() > max_chars {
            break;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > max_chars {
        let cut: String = text.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn markdown_renders() {
        let html = to_safe_html("## Day\n\n- email\n- chat\n\n[docs](https://example.com)");
        assert!(html.contains("<h2>Day</h2>"));
        assert!(html.contains("<li>email</li>"));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn literal_brackets_stay_text() {
        let html = to_safe_html_literal("Send \"Bearer <key>\".\n\n<script>alert(1)</script>");
        assert!(html.contains("Bearer &lt;key&gt;"), "{html}");
        assert!(!html.contains("<script"));
    }

    #[test]
    fn excerpts_are_plain_and_short() {
        assert_eq!(plain_excerpt("**Hello** _world_", 50), "Hello world");
        assert_eq!(plain_excerpt("abcdef", 3), "abc…");
    }
}

//! A small, safe Markdown: the text people write on a network's message
//! board and in its house rules. The source is kept; this renders it.
//!
//! All HTML in the source is escaped first; only then are these made, and
//! nothing else: paragraphs (`<p>`, a blank line between them), line breaks
//! (`<br>`), `**bold**` (`<strong>`), `*italic*` (`<em>`), lists of lines
//! that start with `- ` (`<ul><li>`), and links, written
//! `[text](https://...)` or as a bare `https://...` address
//! (`<a href rel="nofollow ugc">`, http and https only).

/// Renders the source as HTML that is safe to put in a page.
pub fn render(source: &str) -> String {
    let escaped = escape(&source.replace("\r\n", "\n"));
    let mut out = String::new();
    for block in escaped.split("\n\n") {
        let lines: Vec<&str> = block
            .split('\n')
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let mut i = 0;
        while i < lines.len() {
            if let Some(first) = item(lines[i]) {
                out.push_str("<ul><li>");
                out.push_str(&inline(first));
                out.push_str("</li>");
                i += 1;
                while let Some(next) = lines.get(i).and_then(|l| item(l)) {
                    out.push_str("<li>");
                    out.push_str(&inline(next));
                    out.push_str("</li>");
                    i += 1;
                }
                out.push_str("</ul>");
            } else {
                let start = i;
                while i < lines.len() && item(lines[i]).is_none() {
                    i += 1;
                }
                let text: Vec<String> = lines[start..i].iter().map(|l| inline(l.trim())).collect();
                out.push_str("<p>");
                out.push_str(&text.join("<br>"));
                out.push_str("</p>");
            }
        }
    }
    out
}

/// The text of a list item (a line starting with `- `).
fn item(line: &str) -> Option<&str> {
    line.trim_start().strip_prefix("- ").map(str::trim)
}

/// Escapes the five characters that mean something in HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Entities that end an address: an escaped `<`, `>`, `"` or `'`.
const STOPS: [&str; 4] = ["&lt;", "&gt;", "&quot;", "&#39;"];

/// The length of an http(s) address at the start of escaped text, up to
/// white space or an escaped character that cannot be part of it.
fn address_length(text: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || STOPS.iter().any(|s| text[i..].starts_with(s)) {
            break;
        }
        end = i + c.len_utf8();
    }
    let scheme = if text.starts_with("https://") { 8 } else { 7 };
    (end > scheme).then_some(end)
}

fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{href}\" rel=\"nofollow ugc\">{text}</a>")
}

/// Links, then emphasis in the text between them.
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            if let Some((html, used)) = written_link(rest) {
                out.push_str(&emphasis(&plain));
                plain.clear();
                out.push_str(&html);
                rest = &rest[used..];
                continue;
            }
        }
        let at_word_start = plain
            .chars()
            .last()
            .is_none_or(|p| p.is_whitespace() || p == '(');
        if c == 'h' && at_word_start {
            if let Some(mut len) = address_length(rest) {
                // Punctuation after an address ends the sentence, not it.
                while len > 0 && rest[..len].ends_with(['.', ',', ';', ':', '!', '?', ')']) {
                    len -= 1;
                }
                if address_length(&rest[..len]).is_some() {
                    out.push_str(&emphasis(&plain));
                    plain.clear();
                    out.push_str(&link(&rest[..len], &rest[..len]));
                    rest = &rest[len..];
                    continue;
                }
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(&emphasis(&plain));
    out
}

/// `[text](https://...)` at the start of `text`: the HTML and the bytes
/// it used.
fn written_link(text: &str) -> Option<(String, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.is_empty() || label.contains('[') || label.contains(']') {
        return None;
    }
    let after = &text[close + 2..];
    let len = address_length(after)?;
    let href = &after[..after[..len].find(')')?];
    address_length(href)?;
    let end = close + 2 + href.len();
    Some((link(href, &emphasis(label)), end + 1))
}

/// `**bold**`, then `*italic*`, each in pairs on one line.
fn emphasis(text: &str) -> String {
    let bold = pairs(text, "**", "strong");
    pairs(&bold, "*", "em")
}

fn pairs(text: &str, mark: &str, tag: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(mark) {
        let inner_start = open + mark.len();
        let Some(len) = rest[inner_start..].find(mark) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + len];
        if inner.trim().is_empty() || inner.starts_with(' ') || inner.ends_with(' ') {
            out.push_str(&rest[..inner_start]);
            rest = &rest[inner_start..];
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(&format!("<{tag}>{inner}</{tag}>"));
        rest = &rest[inner_start + len + mark.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn paragraphs_breaks_emphasis_and_lists() {
        assert_eq!(
            render("Hallo **allemaal**,\nhoe *gaat* het?\n\n- een\n- twee"),
            "<p>Hallo <strong>allemaal</strong>,<br>hoe <em>gaat</em> het?</p><ul><li>een</li><li>twee</li></ul>"
        );
        assert_eq!(render("a * b * c"), "<p>a * b * c</p>");
        assert_eq!(render(""), "");
    }

    #[test]
    fn links_written_and_bare() {
        assert_eq!(
            render("Zie [de site](https://example.org/a?b=1&c=2)."),
            "<p>Zie <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc\">de site</a>.</p>"
        );
        assert_eq!(
            render("Kijk op https://example.org/x, of niet."),
            "<p>Kijk op <a href=\"https://example.org/x\" rel=\"nofollow ugc\">https://example.org/x</a>, of niet.</p>"
        );
    }

    #[test]
    fn html_and_scripts_stay_text() {
        let html = render("<script>alert(1)</script><img src=x onerror=alert(1)>");
        assert_eq!(
            html,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>"
        );
        assert!(!html.contains("<script") && !html.contains("<img"));
    }

    #[test]
    fn only_http_links_and_no_attributes_from_the_text() {
        for source in [
            "[klik](javascript:alert(1))",
            "[klik](data:text/html,<script>alert(1)</script>)",
            "[klik](vbscript:msgbox)",
            "javascript:alert(1)",
        ] {
            let html = render(source);
            assert!(!html.contains("<a"), "{source} gave {html}");
        }
        // A quote cannot end the address and open an attribute.
        let html = render("[x](https://a.nl\" onmouseover=\"alert(1))");
        assert!(!html.contains("onmouseover=\""), "{html}");
        let html = render("https://a.nl\"onmouseover=\"alert(1)");
        assert!(!html.contains("\"onmouseover"), "{html}");
        assert!(html.contains("href=\"https://a.nl\""), "{html}");
        let html = render("https://a.nl/'><script>alert(1)</script>");
        assert!(!html.contains("<script"), "{html}");
        // Markup in a link's text is escaped as well.
        let html = render("[<b>x</b>](https://a.nl)");
        assert!(html.contains(">&lt;b&gt;x&lt;/b&gt;</a>"), "{html}");
    }
}

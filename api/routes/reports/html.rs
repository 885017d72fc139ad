//! The report as a complete HTML document, drawn by the server: readable
//! and printable without JavaScript, in plain Dutch or in English. Every
//! text that people typed is escaped; the page has no script and no inline
//! style (the web's stylesheets, with `@media print` in `css/app.css`).

use std::fmt::Write;

use crate::markdown::escape;

use super::sections::{goals, meetings, people, questions, summary};
use super::types::{NetworkReport, ReportPeriod};
use super::words::Lang;
use crate::web::error::{Code, InvalidParam};

/// A table: its caption, its column heads, and rows whose first cell heads
/// the row. Every cell is escaped here.
pub(super) fn table(out: &mut String, caption: &str, heads: &[&str], rows: &[Vec<String>]) {
    out.push_str("<div class=\"tm-report-table\"><table class=\"utrecht-table tm-table\">");
    let _ = write!(
        out,
        "<caption class=\"utrecht-table__caption\">{}</caption>",
        escape(caption)
    );
    out.push_str("<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
    for h in heads {
        let _ = write!(
            out,
            "<th class=\"utrecht-table__header-cell\" scope=\"col\">{}</th>",
            escape(h)
        );
    }
    out.push_str("</tr></thead><tbody class=\"utrecht-table__body\">");
    for row in rows {
        out.push_str("<tr class=\"utrecht-table__row\">");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(
                    out,
                    "<th class=\"utrecht-table__header-cell\" scope=\"row\">{}</th>",
                    escape(cell)
                );
            } else {
                let _ = write!(
                    out,
                    "<td class=\"utrecht-table__cell\">{}</td>",
                    escape(cell)
                );
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

pub(super) fn para(out: &mut String, class: &str, text: &str) {
    let _ = write!(
        out,
        "<p class=\"utrecht-paragraph {class}\">{}</p>",
        escape(text)
    );
}

pub(super) fn heading(out: &mut String, id: &str, text: &str) {
    let _ = write!(
        out,
        "<h2 class=\"utrecht-heading-2\" id=\"{id}\">{}</h2>",
        escape(text)
    );
}

/// The query of the same report in a language (for links).
fn query(period: &ReportPeriod, lang: Lang) -> String {
    format!(
        "from={}&amp;to={}&amp;lang={}",
        period.from,
        period.to,
        lang.code()
    )
}

/// The document's start, up to the opened body.
fn open_document(o: &mut String, lang: Lang, title: &str) {
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"{code}\" class=\"themanet-theme\" data-ready=\"true\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} - themanet</title>\n\
         <link rel=\"stylesheet\" href=\"/vendor/nl-design-system.css\">\n\
         <link rel=\"stylesheet\" href=\"/theme/themanet-theme.css\">\n\
         <link rel=\"stylesheet\" href=\"/css/app.css\">\n<link rel=\"icon\" href=\"data:,\">\n</head>\n\
         <body class=\"utrecht-document tm-report\">\n",
        code = lang.code(),
        title = escape(title),
    );
}

/// The document's end, from the closed main.
fn close_document(o: &mut String, lang: Lang) {
    let _ = write!(
        o,
        "</main>\n<footer class=\"tm-footer\"><div class=\"tm-container\"><p class=\"utrecht-paragraph tm-small\">{}</p></div></footer>\n</body>\n</html>\n",
        lang.pick("themanet: themanetwerken voor inclusie.", "themanet: theme networks for inclusion.")
    );
}

/// The whole page.
pub fn page(r: &NetworkReport, lang: Lang) -> String {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let p = &r.period;
    let name = escape(&r.network.name);
    let span = format!(
        "{} {} {} {}",
        l("van", "from"),
        lang.date(p.from),
        l("tot en met", "to"),
        lang.date(p.to)
    );
    let mut o = String::with_capacity(16 * 1024);
    let title = format!(
        "{}: {}, {span}",
        l("Voortgangsrapport", "Progress report"),
        r.network.name
    );
    open_document(&mut o, lang, &title);
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let _ = write!(
        o,
        "<a class=\"utrecht-skip-link utrecht-skip-link--visible-on-focus\" href=\"#inhoud\">{skip}</a>\n\
         <header class=\"tm-header\"><div class=\"tm-container tm-header__bar\"><a class=\"tm-logo\" href=\"/\">themanet</a>\
         <div class=\"tm-header__tools\"><a class=\"tm-header__button\" href=\"report.html?{switch}\" lang=\"{other}\" hreflang=\"{other}\">{switch_text}</a></div></div>\n\
         <nav class=\"tm-nav\" aria-label=\"{nav}\"><div class=\"tm-container\"><ul class=\"tm-nav__list\">\
         <li><a class=\"tm-nav__link\" href=\"/netwerk.html?id={id}\">{back}</a></li>\
         <li><a class=\"tm-nav__link\" href=\"report.csv?{csv}\">{csv_text}</a></li>\
         </ul></div></nav></header>\n<main id=\"inhoud\" class=\"tm-main tm-container\" tabindex=\"-1\">\n",
        skip = l("Naar de inhoud", "Skip to content"),
        nav = l("Rapport", "Report"),
        id = r.network.id,
        back = l("Terug naar het netwerk", "Back to the network"),
        csv = query(p, lang),
        csv_text = l("Download als CSV (voor Excel)", "Download as CSV (for Excel)"),
        switch = query(p, other),
        other = other.code(),
        switch_text = l("English", "Nederlands"),
    );
    let _ = writeln!(
        o,
        "<h1 class=\"utrecht-heading-1\">{} {name}</h1>",
        l("Voortgangsrapport van", "Progress report of")
    );
    let place = match (&r.network.municipality_name, &r.network.region) {
        (Some(m), _) => format!("{} {m}. ", l("Gemeente", "Municipality")),
        (None, Some(region)) => format!("{} {region}. ", l("Regio", "Region")),
        _ => String::new(),
    };
    let lead = format!(
        "{} {}. {place}{}: {}.",
        l(
            "Dit rapport gaat over de periode",
            "This report covers the period"
        ),
        span,
        l("Stand van het netwerk", "Network status"),
        lang.network_status(r.network.status)
    );
    para(&mut o, "tm-lead", &lead);
    if r.public_view {
        para(&mut o, "tm-small", l(
            "Je ziet hier alleen wat openbaar is. Ben je lid? Open het rapport dan via de pagina van het netwerk.",
            "You only see what is public here. Are you a member? Then open the report from the network's page.",
        ));
    }
    form(&mut o, &p.from.to_string(), &p.to.to_string(), lang);
    summary(&mut o, r, lang);
    goals(&mut o, r, lang);
    meetings(&mut o, r, lang);
    people(&mut o, r, lang);
    questions(&mut o, r, lang);
    let made = format!(
        "{} {}. {}",
        l("Gemaakt op", "Made on"),
        lang.date(r.generated_at.date_naive()),
        l(
            "Dit rapport noemt geen namen van mensen. Het telt alleen hoeveel mensen meedoen.",
            "This report names no people. It only counts how many take part.",
        )
    );
    para(&mut o, "tm-small", &made);
    close_document(&mut o, lang);
    o
}

/// The page for a period that does not work (400): what is wrong, in
/// words for people, and the form again with what was filled in, so it is
/// put right where it went wrong.
pub fn refusal_page(
    network: i64,
    from: &str,
    to: &str,
    lang: Lang,
    problems: &[InvalidParam],
) -> String {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let heading = l("Deze periode kan niet", "This period does not work");
    let mut o = String::with_capacity(4 * 1024);
    open_document(&mut o, lang, heading);
    let _ = write!(
        o,
        "<a class=\"utrecht-skip-link utrecht-skip-link--visible-on-focus\" href=\"#inhoud\">{skip}</a>\n\
         <header class=\"tm-header\"><div class=\"tm-container tm-header__bar\"><a class=\"tm-logo\" href=\"/\">themanet</a></div>\n\
         <nav class=\"tm-nav\" aria-label=\"{nav}\"><div class=\"tm-container\"><ul class=\"tm-nav__list\">\
         <li><a class=\"tm-nav__link\" href=\"/netwerk.html?id={network}\">{back}</a></li>\
         </ul></div></nav></header>\n<main id=\"inhoud\" class=\"tm-main tm-container\" tabindex=\"-1\">\n\
         <h1 class=\"utrecht-heading-1\">{heading}</h1>\n<ul class=\"utrecht-unordered-list\">",
        skip = l("Naar de inhoud", "Skip to content"),
        nav = l("Rapport", "Report"),
        back = l("Terug naar het netwerk", "Back to the network"),
    );
    let mut said: Vec<String> = Vec::new();
    for problem in problems {
        let field = match problem.name.as_str() {
            "from" => l("Van", "From"),
            "to" => l("Tot en met", "To"),
            _ => "",
        };
        let text = match (problem.code, problem.expected) {
            (Code::Rule, Some("endsAfterStart")) => l(
                "De eerste dag moet op of voor de laatste dag liggen.",
                "The first day must be on or before the last day.",
            )
            .to_string(),
            (Code::Range, _) => l(
                "Een rapport gaat over hoogstens vijf jaar. Kies een kortere periode.",
                "A report covers at most five years. Choose a shorter period.",
            )
            .to_string(),
            _ if !field.is_empty() => format!(
                "{field}: {}",
                l(
                    "dit is geen datum. Kies een dag, of schrijf hem als 2026-01-31.",
                    "this is not a date. Choose a day, or write it as 2026-01-31.",
                )
            ),
            _ => format!(
                "{} {}",
                l(
                    "Dit adres heeft een deel dat niet klopt:",
                    "Part of this address is wrong:"
                ),
                problem.name
            ),
        };
        if !said.contains(&text) {
            let _ = write!(
                o,
                "<li class=\"utrecht-unordered-list__item\">{}</li>",
                escape(&text)
            );
            said.push(text);
        }
    }
    o.push_str("</ul>\n");
    form(&mut o, from, to, lang);
    close_document(&mut o, lang);
    o
}

/// The period to choose, as a GET form: it works without JavaScript.
fn form(o: &mut String, from: &str, to: &str, lang: Lang) {
    let l = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let _ = writeln!(
        o,
        "<form class=\"tm-report-form\" method=\"get\" action=\"report.html\" aria-label=\"{label}\">\
         <div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"van\">{from}</label>\
         <input class=\"utrecht-textbox\" type=\"date\" id=\"van\" name=\"from\" value=\"{f}\" required></div>\
         <div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"tot\">{to}</label>\
         <input class=\"utrecht-textbox\" type=\"date\" id=\"tot\" name=\"to\" value=\"{t}\" required></div>\
         <input type=\"hidden\" name=\"lang\" value=\"{code}\">\
         <button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">{show}</button></form>",
        label = l("Kies de periode", "Choose the period"),
        from = l("Van (eerste dag)", "From (first day)"),
        to = l("Tot en met (laatste dag)", "To (last day)"),
        f = escape(from),
        t = escape(to),
        code = lang.code(),
        show = l("Toon het rapport", "Show the report"),
    );
}

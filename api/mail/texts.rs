//! The words of every mail, in the reader's language. A mail is a `Letter`:
//! a subject, paragraphs, at most one button (a link), and a closing line;
//! `Letter::text` and `Letter::html` write it as plain text and as HTML.

use crate::domain::{MailLanguage, NoticeFrequency, NoticeKind};

/// A mail's content, before it becomes text and HTML.
#[derive(Debug, Clone)]
pub struct Letter {
    pub language: MailLanguage,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    /// Items shown as a list (a digest's notices), each with its link.
    pub items: Vec<(String, String)>,
    /// The one thing to do: a label and an address.
    pub action: Option<(String, String)>,
    pub closing: String,
    /// Written in large print (the reader's `contactFormat`).
    pub large_print: bool,
}

fn pick(language: MailLanguage, nl: &str, en: &str) -> String {
    match language {
        MailLanguage::Nl => nl.to_string(),
        MailLanguage::En => en.to_string(),
    }
}

impl Letter {
    fn new(language: MailLanguage, subject: String, name: &str) -> Letter {
        Letter {
            language,
            subject,
            greeting: pick(language, "Beste {name},", "Dear {name},").replace("{name}", name),
            paragraphs: Vec::new(),
            items: Vec::new(),
            action: None,
            large_print: false,
            closing: pick(
                language,
                "Met vriendelijke groet,\nthemanet",
                "Kind regards,\nthemanet",
            ),
        }
    }

    fn say(mut self, text: String) -> Letter {
        self.paragraphs.push(text);
        self
    }

    fn act(mut self, label: String, url: String) -> Letter {
        self.action = Some((label, url));
        self
    }

    /// The plain-text part.
    pub fn text(&self, unsubscribe: Option<&str>) -> String {
        let mut out = format!("{}\n\n", self.greeting);
        for p in &self.paragraphs {
            out.push_str(p);
            out.push_str("\n\n");
        }
        for (title, url) in &self.items {
            out.push_str(&format!("- {title}\n  {url}\n"));
        }
        if !self.items.is_empty() {
            out.push('\n');
        }
        if let Some((label, url)) = &self.action {
            out.push_str(&format!("{label}:\n{url}\n\n"));
        }
        out.push_str(&self.closing);
        out.push('\n');
        if let Some(url) = unsubscribe {
            out.push_str(&format!(
                "\n-- \n{}\n{url}\n",
                pick(
                    self.language,
                    "Geen berichten meer over dit netwerk? Meld u af:",
                    "No more notices about this network? Unsubscribe:"
                )
            ));
        }
        out
    }

    /// The HTML part: the same words, escaped, in plain markup that reads
    /// well in a screen reader and at 200 % text size.
    pub fn html(&self, unsubscribe: Option<&str>) -> String {
        let lang = self.language.as_str();
        let size = if self.large_print { "1.6em" } else { "1.1em" };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body style=\"font-family:sans-serif;font-size:{size};line-height:1.5;max-width:40em\">\n<p>{}</p>\n",
            escape(&self.subject),
            escape(&self.greeting)
        );
        for p in &self.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", escape(p).replace('\n', "<br>")));
        }
        if !self.items.is_empty() {
            out.push_str("<ul>\n");
            for (title, url) in &self.items {
                out.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>\n",
                    escape(url),
                    escape(title)
                ));
            }
            out.push_str("</ul>\n");
        }
        if let Some((label, url)) = &self.action {
            out.push_str(&format!(
                "<p><a href=\"{}\" style=\"display:inline-block;padding:.6em 1em;background:#1d4ed8;color:#fff;text-decoration:underline\">{}</a></p>\n<p>{}<br>{}</p>\n",
                escape(url),
                escape(label),
                escape(&pick(self.language, "Werkt de knop niet? Kopieer dan dit adres:", "Button not working? Copy this address:")),
                escape(url)
            ));
        }
        out.push_str(&format!(
            "<p>{}</p>\n",
            escape(&self.closing).replace('\n', "<br>")
        ));
        if let Some(url) = unsubscribe {
            out.push_str(&format!(
                "<hr>\n<p><a href=\"{}\">{}</a></p>\n",
                escape(url),
                escape(&pick(
                    self.language,
                    "Afmelden voor berichten over dit netwerk",
                    "Unsubscribe from notices about this network"
                ))
            ));
        }
        out.push_str("</body></html>\n");
        out
    }
}

/// HTML-escapes text for element content and attribute values.
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

/// An invitation to join a network.
pub fn invitation(
    language: MailLanguage,
    name: &str,
    network: &str,
    message: &str,
    url: String,
) -> Letter {
    let l = language;
    let mut letter = Letter::new(
        l,
        pick(l, "Uitnodiging voor het netwerk {n}", "Invitation to the network {n}")
            .replace("{n}", network),
        name,
    )
    .say(
        pick(
            l,
            "U bent uitgenodigd om mee te doen met het themanetwerk {n}. U wordt pas lid als u de uitnodiging aanneemt.",
            "You are invited to take part in the theme network {n}. You only become a member when you accept.",
        )
        .replace("{n}", network),
    );
    if !message.trim().is_empty() {
        letter = letter.say(
            pick(l, "De coördinator schrijft:", "The coordinator writes:") + "\n" + message.trim(),
        );
    }
    letter.act(pick(l, "Bekijk de uitnodiging", "View the invitation"), url)
}

/// A link to confirm an e-mail address.
pub fn verification(language: MailLanguage, name: &str, url: String, hours: i64) -> Letter {
    let l = language;
    Letter::new(l, pick(l, "Bevestig uw e-mailadres", "Confirm your e-mail address"), name)
        .say(pick(
            l,
            "Klik op de knop om te bevestigen dat dit uw e-mailadres is. Dan kunt u berichten van uw netwerken ontvangen.",
            "Click the button to confirm that this is your e-mail address. Then you can receive notices from your networks.",
        ))
        .say(
            pick(l, "De link werkt {h} uur en één keer.", "The link works for {h} hours, once.")
                .replace("{h}", &hours.to_string()),
        )
        .act(pick(l, "Bevestig mijn e-mailadres", "Confirm my e-mail address"), url)
}

/// A link to choose a new password.
pub fn password_reset(language: MailLanguage, name: &str, url: String, minutes: i64) -> Letter {
    let l = language;
    Letter::new(l, pick(l, "Nieuw wachtwoord kiezen", "Choose a new password"), name)
        .say(pick(
            l,
            "Iemand vroeg om een nieuw wachtwoord voor uw account. Was u dat? Kies dan een nieuw wachtwoord met de knop hieronder.",
            "Someone asked for a new password for your account. Was it you? Then choose a new password with the button below.",
        ))
        .say(
            pick(
                l,
                "De link werkt {m} minuten en één keer. Vroeg u niets? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.",
                "The link works for {m} minutes, once. Did you not ask? Then you need not do anything: your password stays the same.",
            )
            .replace("{m}", &minutes.to_string()),
        )
        .act(pick(l, "Kies een nieuw wachtwoord", "Choose a new password"), url)
}

/// A webhook subscription switched off after failing for a day.
pub fn webhook_disabled(
    language: MailLanguage,
    name: &str,
    client: &str,
    url: &str,
    page: String,
) -> Letter {
    let l = language;
    Letter::new(l, pick(l, "Een webhook is uitgezet", "A webhook was switched off"), name)
        .say(
            pick(
                l,
                "De koppeling {client} stuurt berichten naar {url}. Dat adres nam al 24 uur geen bericht aan. Daarom hebben we deze webhook uitgezet.",
                "The connection {client} sends messages to {url}. That address has not accepted a message for 24 hours. So we switched this webhook off.",
            )
            .replace("{client}", client)
            .replace("{url}", url),
        )
        .say(pick(
            l,
            "Zorg dat het adres weer werkt en zet de webhook daarna weer aan. Berichten die niet aankwamen, staan in het logboek van de webhook.",
            "Make the address work again, then switch the webhook back on. Messages that did not arrive are in the webhook's log.",
        ))
        .act(pick(l, "Bekijk de koppeling", "View the connection"), page)
}

/// What a notice is, in words.
pub fn kind_words(language: MailLanguage, kind: NoticeKind) -> String {
    let l = language;
    match kind {
        NoticeKind::Message => pick(l, "Nieuw bericht", "New message"),
        NoticeKind::Document => pick(l, "Nieuw document", "New document"),
        NoticeKind::Meeting => pick(l, "Nieuwe bijeenkomst", "New meeting"),
        NoticeKind::Escalation => pick(l, "Vraag tussen netwerken", "Question between networks"),
        NoticeKind::StepAchieved => pick(l, "Stap gehaald", "Step achieved"),
    }
}

/// One notice, sent at once.
pub fn notice(
    language: MailLanguage,
    name: &str,
    network: &str,
    kind: NoticeKind,
    title: &str,
    url: String,
) -> Letter {
    let l = language;
    let what = kind_words(l, kind);
    let mut letter = Letter::new(l, format!("{network}: {what}: {title}"), name).say(
        pick(l, "In het netwerk {n}: {w}.", "In the network {n}: {w}.")
            .replace("{n}", network)
            .replace("{w}", &what.to_lowercase()),
    );
    letter = letter.say(title.to_string());
    if kind == NoticeKind::StepAchieved {
        letter = letter.say(pick(
            l,
            "Een succes om samen te vieren. Dank aan iedereen die meehielp!",
            "A success to celebrate together. Thanks to everyone who helped!",
        ));
    }
    letter.act(pick(l, "Bekijk het op themanet", "See it on themanet"), url)
}

/// A digest: every waiting notice of one frequency, in one mail.
pub fn digest(
    language: MailLanguage,
    name: &str,
    frequency: NoticeFrequency,
    items: Vec<(String, String)>,
    settings_url: String,
) -> Letter {
    let l = language;
    let subject = match frequency {
        NoticeFrequency::Weekly => pick(
            l,
            "Uw weekoverzicht van themanet",
            "Your weekly digest from themanet",
        ),
        _ => pick(
            l,
            "Uw dagoverzicht van themanet",
            "Your daily digest from themanet",
        ),
    };
    let mut letter = Letter::new(l, subject, name).say(
        pick(
            l,
            "Dit is er nieuw in uw netwerken ({n}):",
            "This is new in your networks ({n}):",
        )
        .replace("{n}", &items.len().to_string()),
    );
    letter.items = items;
    letter.act(
        pick(
            l,
            "Kies hoe vaak u berichten krijgt",
            "Choose how often you get notices",
        ),
        settings_url,
    )
}

/// What a notice about talents tells: an offer of help (to the core group),
/// an accepted offer (to the helper), a request for contact (to the person).
pub enum TalentNews<'a> {
    HelpOffered { step: &'a str },
    HelpAccepted { step: &'a str },
    ContactRequested { from: &'a str },
}

/// A notice about talents, with the page where it is answered.
pub fn talent_notice(language: MailLanguage, name: &str, news: TalentNews, url: String) -> Letter {
    let l = language;
    match news {
        TalentNews::HelpOffered { step } => Letter::new(
            l,
            pick(l, "Iemand wil helpen bij: {s}", "Someone offers help with: {s}").replace("{s}", step),
            name,
        )
        .say(
            pick(
                l,
                "Een lid biedt hulp aan bij de stap {s}. Kijk in het matchcentrum of het past, en neem het aanbod aan of wijs het af.",
                "A member offers help with the step {s}. See in the matchcentrum whether it fits, and accept or decline the offer.",
            )
            .replace("{s}", step),
        )
        .act(pick(l, "Naar het matchcentrum", "To the matchcentrum"), url),
        TalentNews::HelpAccepted { step } => Letter::new(
            l,
            pick(l, "Je helpt mee bij: {s}", "You are helping with: {s}").replace("{s}", step),
            name,
        )
        .say(
            pick(
                l,
                "De kerngroep heeft je aanbod aangenomen. Je helpt mee bij de stap {s}. Dank je wel!",
                "The core group accepted your offer. You are helping with the step {s}. Thank you!",
            )
            .replace("{s}", step),
        )
        .act(pick(l, "Bekijk waar je nodig bent", "See where you are needed"), url),
        TalentNews::ContactRequested { from } => Letter::new(
            l,
            pick(l, "{f} vraagt om contact", "{f} asks for contact").replace("{f}", from),
            name,
        )
        .say(
            pick(
                l,
                "{f} vond je bij het zoeken naar ervaringsdeskundigen en stuurt je een bericht. Zij zien je contactgegevens pas als jij het verzoek aanneemt.",
                "{f} found you when looking for experience experts and sends you a message. They see your contact details only if you accept the request.",
            )
            .replace("{f}", from),
        )
        .act(pick(l, "Lees het verzoek", "Read the request"), url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything_it_is_given() {
        let letter = notice(
            MailLanguage::En,
            "<b>Ann</b>",
            "Net \"&\"",
            NoticeKind::Message,
            "<script>alert(1)</script>",
            "https://x/?a=1&b=\"2\"".into(),
        );
        let html = letter.html(Some("https://x/u?k=<k>"));
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>Ann"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("href=\"https://x/?a=1&amp;b=&quot;2&quot;\""));
        assert!(html.contains("https://x/u?k=&lt;k&gt;"));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.contains("font-size:1.1em"));
        let mut large = letter.clone();
        large.large_print = true;
        assert!(large.html(None).contains("font-size:1.6em"));
    }

    #[test]
    fn text_carries_the_link_and_the_unsubscribe_address() {
        let letter = password_reset(MailLanguage::Nl, "Ann", "https://x/r?t=abc".into(), 30);
        let text = letter.text(None);
        assert!(text.starts_with("Beste Ann,"));
        assert!(text.contains("https://x/r?t=abc"));
        assert!(text.contains("30 minuten"));
        let digest = digest(
            MailLanguage::En,
            "Ann",
            NoticeFrequency::Weekly,
            vec![("A: B".into(), "https://x/1".into())],
            "https://x/s".into(),
        );
        let text = digest.text(Some("https://x/u"));
        assert!(text.contains("- A: B\n  https://x/1"));
        assert!(text.ends_with("https://x/u\n"));
        assert_eq!(digest.subject, "Your weekly digest from themanet");
    }
}

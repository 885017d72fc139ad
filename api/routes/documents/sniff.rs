//! What a file is, from its first bytes: never from its name or the type a
//! client claims. Only the kinds a network shares are taken: PDF, the open
//! and Microsoft office formats (text and spreadsheet), common images, and
//! plain text in UTF-8.

/// A kind of file the platform takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub media_type: &'static str,
    /// The extensions a file of this kind may have in its name.
    pub extensions: &'static [&'static str],
    pub image: bool,
}

const PDF: Kind = Kind {
    media_type: "application/pdf",
    extensions: &["pdf"],
    image: false,
};
const ODT: Kind = Kind {
    media_type: "application/vnd.oasis.opendocument.text",
    extensions: &["odt"],
    image: false,
};
const ODS: Kind = Kind {
    media_type: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: &["ods"],
    image: false,
};
const DOCX: Kind = Kind {
    media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: &["docx"],
    image: false,
};
const XLSX: Kind = Kind {
    media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: &["xlsx"],
    image: false,
};
const PNG: Kind = Kind {
    media_type: "image/png",
    extensions: &["png"],
    image: true,
};
const JPEG: Kind = Kind {
    media_type: "image/jpeg",
    extensions: &["jpg", "jpeg"],
    image: true,
};
const GIF: Kind = Kind {
    media_type: "image/gif",
    extensions: &["gif"],
    image: true,
};
const WEBP: Kind = Kind {
    media_type: "image/webp",
    extensions: &["webp"],
    image: true,
};
const TEXT: Kind = Kind {
    media_type: "text/plain; charset=utf-8",
    extensions: &["txt", "md", "csv"],
    image: false,
};

/// Every kind taken, for the spec and the error message.
pub const KINDS: &[Kind] = &[PDF, ODT, ODS, DOCX, XLSX, PNG, JPEG, GIF, WEBP, TEXT];

/// A test on a file's first bytes.
type Matcher = fn(&[u8]) -> bool;

/// The kind of these bytes, or `None` for anything else (an executable, a
/// web page, an archive, a file in another text encoding).
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    let checks: [(Matcher, Kind); 9] = [
        (infer::archive::is_pdf, PDF),
        (infer::odf::is_odt, ODT),
        (infer::odf::is_ods, ODS),
        (infer::doc::is_docx, DOCX),
        (infer::doc::is_xlsx, XLSX),
        (infer::image::is_png, PNG),
        (infer::image::is_jpeg, JPEG),
        (infer::image::is_gif, GIF),
        (infer::image::is_webp, WEBP),
    ];
    if let Some((_, kind)) = checks.iter().find(|(is, _)| is(bytes)) {
        return Some(*kind);
    }
    is_plain_text(bytes).then_some(TEXT)
}

/// UTF-8 without control characters other than tab and line ends, and not
/// a web page or script a browser would run.
fn is_plain_text(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return false;
    }
    let start = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    !["<!doctype", "<html", "<script", "<svg", "<?xml"]
        .iter()
        .any(|p| start.starts_with(p))
}

/// The kind of an upload as taken: its bytes' kind when the platform takes
/// it and the name does not say otherwise; 415 naming what is wrong.
pub fn taken(kind: Option<Kind>, name: &str) -> Result<Kind, crate::web::error::ApiError> {
    use crate::web::error::ApiError;
    match kind {
        Some(kind) if name_fits(name, kind) => Ok(kind),
        Some(kind) => Err(ApiError::UnsupportedMediaType(format!(
            "The file is {} but its name {name:?} says otherwise. Give it a name that fits.",
            kind.media_type
        ))),
        None => Err(ApiError::UnsupportedMediaType(format!(
            "This kind of file is not taken. Share one of: {}.",
            KINDS
                .iter()
                .map(|k| k.media_type.split(';').next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Whether a file name fits its kind: no extension, or one of the kind's.
/// A name that says something else (a picture called `report.pdf`, a
/// program called `notes.txt.exe`) lies about the file.
pub fn name_fits(name: &str, kind: Kind) -> bool {
    match name.rsplit_once('.') {
        None => true,
        Some((_, ext)) => kind.extensions.contains(&ext.to_ascii_lowercase().as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_bytes() {
        assert_eq!(
            sniff(b"%PDF-1.4\n%...").map(|k| k.media_type),
            Some("application/pdf")
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").map(|k| k.media_type),
            Some("image/png")
        );
        assert_eq!(
            sniff(b"\xff\xd8\xff\xe0\0\x10JFIF").map(|k| k.media_type),
            Some("image/jpeg")
        );
        assert_eq!(
            sniff("Notulen van 3 maart\r\n- één\n".as_bytes()).map(|k| k.media_type),
            Some("text/plain; charset=utf-8")
        );
        // A program, a web page, a script, other encodings: refused.
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), None);
        assert_eq!(sniff(b"\x7fELF\x02\x01\x01"), None);
        assert_eq!(sniff(b"<!DOCTYPE html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b"  <svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"caf\xe9"), None);
        assert_eq!(
            sniff(b"PK\x03\x04\x14\0\0\0"),
            None,
            "a zip that is no office file"
        );
    }

    #[test]
    fn names_must_fit_the_kind() {
        let png = sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        assert!(name_fits("foto.PNG", png));
        assert!(name_fits("foto", png));
        assert!(!name_fits("verslag.pdf", png));
        assert!(!name_fits("foto.png.exe", png));
    }
}

//! ITU paragraph styles -> block hints.
//!
//! ITU writes its texts with named paragraph styles (`ResNo`, `Call`, `enumlev1` ...). A
//! paragraph names its style by id; the id is usually the name without punctuation, but an
//! office suite may rename ids (LibreOffice writes its own), so both the id and the name are
//! tried, and an unknown style inherits the hint of the style it is based on.

use std::collections::HashMap;

use roxmltree::Document;

use super::numbering::NumRef;
use super::xml::{is_w, w_attr, w_child};
use crate::block::Hint;

/// Style ids of `word/styles.xml` with their names and parents.
#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

#[derive(Debug)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    /// List numbering the style applies (`w:pPr/w:numPr`), as Word's numbered headings do.
    num: Option<NumRef>,
}

impl Styles {
    pub fn from_xml(doc: &Document) -> Self {
        let mut by_id = HashMap::new();
        for node in doc.root_element().children().filter(|n| is_w(*n, "style")) {
            let Some(id) = w_attr(node, "styleId") else {
                continue;
            };
            let name = w_child(node, "name").and_then(|n| w_attr(n, "val"));
            let based_on = w_child(node, "basedOn").and_then(|n| w_attr(n, "val"));
            by_id.insert(
                id.to_string(),
                Style {
                    name: name.map(str::to_string),
                    based_on: based_on.map(str::to_string),
                    num: NumRef::from_ppr(w_child(node, "pPr"), None),
                },
            );
        }
        Styles { by_id }
    }

    /// The hint of a paragraph style id, following `basedOn` for styles ITU does not name.
    pub fn hint(&self, id: &str) -> Hint {
        let mut current = id;
        // A chain of parents is short; the bound only guards against cycles.
        for _ in 0..16 {
            let style = self.by_id.get(current);
            let by_name = style.and_then(|s| s.name.as_deref()).and_then(hint_of_name);
            if let Some(hint) = by_name.or_else(|| hint_of_name(current)) {
                return hint;
            }
            match style.and_then(|s| s.based_on.as_deref()) {
                Some(parent) => current = parent,
                None => break,
            }
        }
        Hint::None
    }

    /// The list numbering a paragraph style applies, its own or inherited.
    pub fn num(&self, id: &str) -> Option<NumRef> {
        let mut current = id;
        for _ in 0..16 {
            let style = self.by_id.get(current)?;
            if let Some(num) = &style.num {
                return Some(num.clone());
            }
            current = style.based_on.as_deref()?;
        }
        None
    }
}

/// The hint of a style name or id, or `None` when the style says nothing (so the parent is
/// tried). `Normal` and its kin answer `Hint::None` explicitly: they end the search.
fn hint_of_name(name: &str) -> Option<Hint> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let hint = match key.as_str() {
        "normal" | "bodytext" | "normalindent" | "normalweb" | "tabletext" | "tablehead"
        | "listparagraph" | "default" | "standard" | "textbody" => Hint::None,
        "resno" | "resolutionno" | "resolutionnumber" => Hint::ResolutionNumber,
        "restitle" | "resolutiontitle" => Hint::ResolutionTitle,
        "resref" | "resolutionref" => Hint::History,
        "normalaftertitle" | "normalaftertitle0" => Hint::AdoptingBody,
        "call" => Hint::Call,
        "sectionno" | "partno" | "chapno" | "artno" => Hint::PartNumber,
        "sectiontitle" | "parttitle" | "chaptitle" | "arttitle" => Hint::PartTitle,
        "annexno" | "appendixno" | "annexnotitle" | "appendixnotitle" => Hint::AnnexNumber,
        "annextitle" | "appendixtitle" => Hint::AnnexTitle,
        "headingb" | "headingi" | "artheading" => Hint::Heading(4),
        "note" | "figure" | "figurelegend" | "figuretitle" | "figureno" | "tablelegend"
        | "tabletitle" | "tableno" | "equationlegend" => Hint::Note,
        "proposal" => Hint::Mark,
        "reasons" => Hint::Reasons,
        "header" | "footer" | "firstfooter" | "footerqp" | "specialfooter" | "source"
        | "title1" | "title2" | "title3" | "title4" | "title" | "subtitle" => Hint::Skip,
        _ => return numbered_hint(&key),
    };
    Some(hint)
}

/// `heading1`..`heading9` and `enumlev1`..`enumlev3`; tables of contents and indexes skipped.
fn numbered_hint(key: &str) -> Option<Hint> {
    let level = |prefix: &str| -> Option<u8> {
        let rest = key.strip_prefix(prefix)?;
        let n: u8 = rest.parse().ok()?;
        (1..=9).contains(&n).then_some(n)
    };
    if let Some(n) = level("heading") {
        return Some(Hint::Heading(n));
    }
    if let Some(n) = level("enumlev") {
        return Some(Hint::ListItem(n));
    }
    if key.starts_with("toc") || key.starts_with("index") {
        return Some(Hint::Skip);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ids_map_alike() {
        assert_eq!(hint_of_name("Res_No"), Some(Hint::ResolutionNumber));
        assert_eq!(hint_of_name("ResNo"), Some(Hint::ResolutionNumber));
        assert_eq!(hint_of_name("heading 2"), Some(Hint::Heading(2)));
        assert_eq!(hint_of_name("enumlev3"), Some(Hint::ListItem(3)));
        assert_eq!(hint_of_name("Normal after title"), Some(Hint::AdoptingBody));
        assert_eq!(hint_of_name("toc 3"), Some(Hint::Skip));
        assert_eq!(hint_of_name("Normal"), Some(Hint::None));
        assert_eq!(hint_of_name("MyOwnStyle"), None);
    }

    #[test]
    fn unknown_styles_inherit_from_their_parent() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="X1"><w:name w:val="Call_custom"/><w:basedOn w:val="Call"/></w:style>
            <w:style w:type="paragraph" w:styleId="X2"><w:name w:val="Body_custom"/><w:basedOn w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="A"><w:name w:val="loop a"/><w:basedOn w:val="B"/></w:style>
            <w:style w:type="paragraph" w:styleId="B"><w:name w:val="loop b"/><w:basedOn w:val="A"/></w:style>
        </w:styles>"#;
        let doc = Document::parse(xml).unwrap();
        let styles = Styles::from_xml(&doc);
        assert_eq!(styles.hint("X1"), Hint::Call);
        assert_eq!(styles.hint("X2"), Hint::None);
        assert_eq!(styles.hint("A"), Hint::None);
        assert_eq!(styles.hint("Sectiontitle"), Hint::PartTitle);
    }
}

//! What each kind of document is found by, and how much each field weighs:
//! declared once, here. The API indexes through `queries`, the demo data
//! and the load generator build the same texts, so all three rank alike.

/// The kinds of document, as the index names them.
pub const NETWORK: &str = "network";
pub const STAKEHOLDER: &str = "stakeholder";
pub const KNOWLEDGE_LINK: &str = "knowledge_link";

/// A network: its name, theme and place weigh most.
pub struct NetworkText<'a> {
    pub name: &'a str,
    pub theme: &'a str,
    /// The municipality's name, for a local network.
    pub place: &'a str,
    pub region: &'a str,
    pub description: &'a str,
    pub ambition: &'a str,
    pub needs: &'a str,
}

impl NetworkText<'_> {
    pub fn fields(&self) -> [(&str, i32); 7] {
        [
            (self.name, 3),
            (self.theme, 2),
            (self.place, 2),
            (self.region, 2),
            (self.description, 1),
            (self.ambition, 1),
            (self.needs, 1),
        ]
    }
}

/// A stakeholder: the name, and only what the person shows everyone of
/// their organisation, expertise and talents (empty otherwise), so nobody
/// is found by what they keep to themselves.
pub struct StakeholderText<'a> {
    pub name: &'a str,
    pub organisation: &'a str,
    pub expertise: &'a str,
    /// The talents, separated by spaces.
    pub talents: &'a str,
}

impl StakeholderText<'_> {
    pub fn fields(&self) -> [(&str, i32); 4] {
        [
            (self.name, 3),
            (self.organisation, 2),
            (self.expertise, 1),
            (self.talents, 1),
        ]
    }
}

/// A knowledge link: its title, its topics' names (Dutch and English), and
/// its summary.
pub struct KnowledgeLinkText<'a> {
    pub title: &'a str,
    pub topic_names: &'a str,
    pub summary: &'a str,
}

impl KnowledgeLinkText<'_> {
    pub fn fields(&self) -> [(&str, i32); 3] {
        [(self.title, 3), (self.topic_names, 2), (self.summary, 1)]
    }
}

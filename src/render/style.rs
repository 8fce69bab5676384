//! Terminal styling: whether to colour, and the colours Ofsted uses for grades.

use crate::model::{Change, Grade, Status};

/// Whether escape codes may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Terminal width for wrapping tables.
    pub width: u16,
}

impl Style {
    pub const PLAIN: Style = Style {
        color: false,
        width: 100,
    };

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A grade in Ofsted's colours: green, amber, red.
    pub fn grade(&self, grade: Grade) -> String {
        let code = match grade {
            Grade::Outstanding | Grade::Good => "32",
            Grade::RequiresImprovement => "33",
            Grade::Inadequate => "31",
        };
        self.paint(code, grade.label())
    }

    pub fn status(&self, status: Status) -> String {
        let code = match status {
            Status::Resolved => "32",
            Status::Ongoing => "33",
            Status::Persists => "31",
            Status::NotAssessed => "2",
        };
        self.paint(code, status.as_str())
    }

    pub fn change(&self, change: Change) -> String {
        let code = match change {
            Change::Improved => "32",
            Change::Declined => "31",
            Change::Unchanged | Change::Added | Change::Removed => "2",
        };
        self.paint(code, change.as_str())
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

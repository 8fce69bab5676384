//! Terminal styling: whether to colour, and the colours Ofsted uses for grades.

use crate::model::{Change, Grade, Status};
use comfy_table::{
    presets::UTF8_FULL_CONDENSED, Attribute, Cell, Color, ContentArrangement, Table,
};

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

    /// An empty table that wraps to the terminal width and styles its cells only when
    /// colour is on. Colour cells with the `*_cell` methods rather than with escape codes
    /// in the text, so the table measures its columns right.
    pub fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        if self.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t
    }

    fn cell(&self, text: &str, color: Option<Color>) -> Cell {
        let cell = Cell::new(text);
        match (self.color, color) {
            (false, _) => cell,
            (true, Some(c)) => cell.fg(c),
            (true, None) => cell.add_attribute(Attribute::Dim),
        }
    }

    /// A grade as a table cell in Ofsted's colours.
    pub fn grade_cell(&self, grade: Grade) -> Cell {
        let color = match grade {
            Grade::Outstanding | Grade::Good => Color::DarkGreen,
            Grade::RequiresImprovement => Color::DarkYellow,
            Grade::Inadequate => Color::DarkRed,
        };
        self.cell(grade.label(), Some(color))
    }

    /// A recommendation status as a table cell.
    pub fn status_cell(&self, status: Status) -> Cell {
        let color = match status {
            Status::Resolved => Some(Color::DarkGreen),
            Status::Ongoing => Some(Color::DarkYellow),
            Status::Persists => Some(Color::DarkRed),
            Status::NotAssessed => None,
        };
        self.cell(status.as_str(), color)
    }

    /// A judgement change as a table cell.
    pub fn change_cell(&self, change: Change) -> Cell {
        let color = match change {
            Change::Improved => Some(Color::DarkGreen),
            Change::Declined => Some(Color::DarkRed),
            Change::Unchanged | Change::Added | Change::Removed => None,
        };
        self.cell(change.as_str(), color)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_style_writes_no_escapes() {
        let mut t = Style::PLAIN.table();
        t.add_row(vec![
            Style::PLAIN.grade_cell(Grade::Inadequate),
            Style::PLAIN.status_cell(Status::NotAssessed),
        ]);
        let text = t.to_string();
        assert!(text.contains("Inadequate"));
        assert!(!text.contains('\x1b'));
        assert_eq!(Style::PLAIN.grade(Grade::Good), "Good");
    }

    #[test]
    fn colour_style_paints_grades_in_ofsted_colours() {
        let style = Style {
            color: true,
            width: 100,
        };
        assert_eq!(style.grade(Grade::Inadequate), "\x1b[31mInadequate\x1b[0m");
        let mut t = style.table();
        t.add_row(vec![style.grade_cell(Grade::Good)]);
        let text = t.to_string();
        assert!(text.contains('\x1b'), "{text:?}");
        // Escapes do not count towards the column width: the border lines stay aligned.
        let widths: Vec<usize> = text
            .lines()
            .filter(|l| !l.contains('\x1b'))
            .map(|l| l.chars().count())
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{text}");
    }
}

//! The practice-area taxonomy: areas of children's social care and the cue phrases that
//! mark them, kept as data in `data/practice_areas.txt` and parsed once.

use crate::wordhash::WordMap;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../data/practice_areas.txt");

/// What sort of thing an area names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind {
    /// A practice activity: assessments, return home interviews, placement sufficiency.
    Topic,
    /// A role whose work may itself be the issue: IROs, personal advisers.
    Actor,
    /// A group of children: children in care, care leavers.
    Cohort,
    /// Phrases that only hide cues inside them ("monitoring visit").
    Ignore,
}

/// One practice area.
#[derive(Debug, Clone)]
pub struct PracticeArea {
    pub id: String,
    pub label: String,
    pub kind: AreaKind,
    /// Index of the more general area this one refines.
    pub parent: Option<usize>,
    /// A broad topic (assessments, plans) that yields to a specific one in a focus.
    pub general: bool,
    /// The cohort this area is always about (pathway plans: care leavers).
    pub implies: Option<usize>,
}

/// One word of a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CueWord {
    Exact(String),
    Prefix(String),
    /// Up to eight words of anything.
    Gap,
}

impl CueWord {
    fn matches(&self, word: &str) -> bool {
        match self {
            CueWord::Exact(w) => w == word,
            CueWord::Prefix(p) => word.starts_with(p.as_str()),
            CueWord::Gap => true,
        }
    }
}

#[derive(Debug, Clone)]
struct Cue {
    area: usize,
    words: Vec<CueWord>,
}

/// The taxonomy: areas and an index of their cues by first word.
#[derive(Debug)]
pub struct Taxonomy {
    pub areas: Vec<PracticeArea>,
    cues: Vec<Cue>,
    by_first_word: WordMap<String, Vec<usize>>,
    /// Cues that open with a prefix (`manag* oversight`), by the prefix's first
    /// [`PREFIX_KEY`] bytes; a prefix shorter than that is under its whole self.
    by_first_prefix: WordMap<String, Vec<usize>>,
    /// The length of the shortest key of `by_first_prefix`: no shorter start of a word
    /// is looked up.
    shortest_prefix_key: usize,
}

/// Bytes of a cue's opening prefix that index it.
const PREFIX_KEY: usize = 3;

/// The taxonomy, parsed on first use.
pub static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(|| Taxonomy::parse(DATA));

/// One cue found in a text: which area, and the word span it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaHit {
    pub area: usize,
    pub start: usize,
    pub end: usize,
}

/// Lower-cased words of `text`: apostrophes dropped, everything else not a letter or digit
/// separates words.
pub fn words(text: &str) -> Vec<String> {
    word_text(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The [`words`] of `text` in one string, each followed by a space (and runs of spaces
/// where punctuation stood), for reading them as slices without a string each.
pub fn word_text(text: &str) -> String {
    word_text_marking(text, &[], ' ')
}

/// [`word_text`], with each of `breaks` written as `mark` (a character no word has) so
/// that the parts between them can be told apart: clauses, say.
pub fn word_text_marking(text: &str, breaks: &[char], mark: char) -> String {
    if text.is_ascii() && mark.is_ascii() {
        ascii_word_text_marking(text, breaks, mark)
    } else {
        chars_word_text_marking(text, breaks, mark)
    }
}

/// [`word_text_marking`] of any text, a char at a time.
fn chars_word_text_marking(text: &str, breaks: &[char], mark: char) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if breaks.contains(&c) {
            out.push(mark);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // "children's" → "childrens"
        } else {
            out.push(' ');
        }
    }
    out
}

/// [`word_text_marking`] of ASCII text with an ASCII mark, a byte at a time.
fn ascii_word_text_marking(text: &str, breaks: &[char], mark: char) -> String {
    let mark = u8::try_from(mark).unwrap_or(b' ');
    let mut out = Vec::with_capacity(text.len() + 1);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b.to_ascii_lowercase());
        } else if breaks.contains(&char::from(b)) {
            out.push(mark);
        } else if b != b'\'' {
            out.push(b' ');
        }
    }
    // ASCII in, ASCII out.
    String::from_utf8(out).unwrap_or_default()
}

impl Taxonomy {
    /// Parse the data file format described at its top; malformed lines are skipped (the
    /// data file is ours and a test checks it parses cleanly).
    pub fn parse(data: &str) -> Taxonomy {
        let mut areas: Vec<PracticeArea> = Vec::new();
        let mut parents: Vec<Option<String>> = Vec::new();
        let mut implied: Vec<Option<String>> = Vec::new();
        let mut cue_texts: Vec<(usize, &str)> = Vec::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let Some((id, kind)) = rest.split_once(']') else {
                    continue;
                };
                let mut flags = kind.split_whitespace();
                let kind = match flags.next().unwrap_or("") {
                    "topic" => AreaKind::Topic,
                    "actor" => AreaKind::Actor,
                    "cohort" => AreaKind::Cohort,
                    _ => AreaKind::Ignore,
                };
                areas.push(PracticeArea {
                    id: id.trim().to_string(),
                    label: id.trim().replace('_', " "),
                    kind,
                    parent: None,
                    general: flags.any(|f| f == "general"),
                    implies: None,
                });
                parents.push(None);
                implied.push(None);
                continue;
            }
            let Some(current) = areas.len().checked_sub(1) else {
                continue;
            };
            if let Some(label) = line.strip_prefix("label:") {
                if let Some(area) = areas.get_mut(current) {
                    area.label = label.trim().to_string();
                }
            } else if let Some(parent) = line.strip_prefix("parent:") {
                if let Some(slot) = parents.get_mut(current) {
                    *slot = Some(parent.trim().to_string());
                }
            } else if let Some(cohort) = line.strip_prefix("implies:") {
                if let Some(slot) = implied.get_mut(current) {
                    *slot = Some(cohort.trim().to_string());
                }
            } else if let Some(cues) = line.strip_prefix("cues:") {
                for cue in cues.split(';') {
                    let cue = cue.trim();
                    if !cue.is_empty() {
                        cue_texts.push((current, cue));
                    }
                }
            }
        }
        // Names resolved to indices once every area is known (parents, implied and areas
        // were pushed together, so they zip one to one).
        let index_of = |id: &str| areas.iter().position(|a| a.id == id);
        let resolve = |names: &[Option<String>]| -> Vec<Option<usize>> {
            names
                .iter()
                .map(|n| n.as_deref().and_then(index_of))
                .collect()
        };
        let (parent_of, implies_of) = (resolve(&parents), resolve(&implied));
        for ((area, parent), implies) in areas.iter_mut().zip(parent_of).zip(implies_of) {
            area.parent = parent;
            area.implies = implies;
        }
        let mut cues = Vec::new();
        for (area, text) in cue_texts {
            let mut cue_words = Vec::new();
            for token in text.split_whitespace() {
                if token == ".." {
                    cue_words.push(CueWord::Gap);
                    continue;
                }
                let prefix = token.ends_with('*');
                let text = word_text(token.trim_end_matches('*'));
                for w in text.split(' ').filter(|w| !w.is_empty()) {
                    cue_words.push(CueWord::Exact(w.to_string()));
                }
                if prefix {
                    if let Some(CueWord::Exact(w)) = cue_words.pop() {
                        cue_words.push(CueWord::Prefix(w));
                    }
                }
            }
            if matches!(
                cue_words.first(),
                Some(CueWord::Exact(_) | CueWord::Prefix(_))
            ) {
                cues.push(Cue {
                    area,
                    words: cue_words,
                });
            }
        }
        let mut by_first_word: WordMap<String, Vec<usize>> = WordMap::default();
        let mut by_first_prefix: WordMap<String, Vec<usize>> = WordMap::default();
        for (i, cue) in cues.iter().enumerate() {
            match cue.words.first() {
                Some(CueWord::Exact(w)) => by_first_word.entry(w.clone()).or_default().push(i),
                Some(CueWord::Prefix(p)) => {
                    let key = p.get(..PREFIX_KEY).unwrap_or(p);
                    by_first_prefix.entry(key.to_string()).or_default().push(i);
                }
                _ => {}
            }
        }
        let shortest_prefix_key = by_first_prefix
            .keys()
            .map(String::len)
            .min()
            .unwrap_or(PREFIX_KEY);
        Taxonomy {
            areas,
            cues,
            by_first_word,
            by_first_prefix,
            shortest_prefix_key,
        }
    }

    /// Index of the area called `id`.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.areas.iter().position(|a| a.id == id)
    }

    /// True when `area` is `ancestor` or lies under it.
    pub fn within(&self, area: usize, ancestor: usize) -> bool {
        let mut a = Some(area);
        // Parents form a shallow tree; the bound guards against a cycle in the data.
        for _ in 0..8 {
            match a {
                Some(x) if x == ancestor => return true,
                Some(x) => a = self.areas.get(x).and_then(|p| p.parent),
                None => return false,
            }
        }
        false
    }

    /// End (exclusive) of `cue` matched at `start` in `ws`, if it matches there.
    fn match_at(cue: &Cue, ws: &[String], start: usize) -> Option<usize> {
        let mut pos = start;
        let mut k = 0;
        while let Some(word) = cue.words.get(k) {
            match word {
                CueWord::Gap => {
                    // The next word of the cue within eight words.
                    let next = cue.words.get(k + 1)?;
                    let window = ws.get(pos..(pos + 9).min(ws.len()))?;
                    let found = pos + window.iter().position(|w| next.matches(w))?;
                    pos = found + 1;
                    k += 2;
                }
                w => {
                    if !w.matches(ws.get(pos)?) {
                        return None;
                    }
                    pos += 1;
                    k += 1;
                }
            }
        }
        Some(pos)
    }

    /// Every cue found in `ws`, with matches hidden inside a longer match of another
    /// area removed, and `ignore` areas dropped.
    pub fn hits(&self, ws: &[String]) -> Vec<AreaHit> {
        let mut hits = Vec::new();
        for (start, first) in ws.iter().enumerate() {
            let exact = self.by_first_word.get(first).into_iter().flatten();
            // Prefix cues whose key the word starts with: its first PREFIX_KEY bytes, or
            // the whole of a shorter word (which only a prefix as short can match).
            let prefixed = (self.shortest_prefix_key.max(1)..=PREFIX_KEY.min(first.len()))
                .filter_map(|n| first.get(..n))
                .filter_map(|key| self.by_first_prefix.get(key))
                .flatten();
            for &ci in exact.chain(prefixed) {
                let Some(cue) = self.cues.get(ci) else {
                    continue;
                };
                if let Some(end) = Self::match_at(cue, ws, start) {
                    hits.push(AreaHit {
                        area: cue.area,
                        start,
                        end,
                    });
                }
            }
        }
        let len = |h: &AreaHit| h.end - h.start;
        let kept: Vec<AreaHit> = hits
            .iter()
            .filter(|h| {
                !hits.iter().any(|o| {
                    o.area != h.area && len(o) > len(h) && o.start <= h.start && h.end <= o.end
                })
            })
            .copied()
            .collect();
        kept.into_iter()
            .filter(|h| {
                self.areas
                    .get(h.area)
                    .is_some_and(|a| a.kind != AreaKind::Ignore)
            })
            .collect()
    }

    /// The set of areas found in `text` (sorted, unique).
    pub fn areas_in(&self, text: &str) -> Vec<usize> {
        self.areas_of_words(&words(text))
    }

    /// The set of areas found in `ws`, the [`words`] of a text (sorted, unique).
    pub fn areas_of_words(&self, ws: &[String]) -> Vec<usize> {
        let mut areas: Vec<usize> = self.hits(ws).iter().map(|h| h.area).collect();
        areas.sort_unstable();
        areas.dedup();
        areas
    }

    pub fn kind(&self, area: usize) -> AreaKind {
        self.areas
            .get(area)
            .map(|a| a.kind)
            .unwrap_or(AreaKind::Ignore)
    }

    /// The cohort `area` is always about, if any.
    pub fn implies(&self, area: usize) -> Option<usize> {
        self.areas.get(area).and_then(|a| a.implies)
    }

    pub fn general(&self, area: usize) -> bool {
        self.areas.get(area).is_some_and(|a| a.general)
    }

    pub fn id(&self, area: usize) -> &str {
        self.areas.get(area).map(|a| a.id.as_str()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_word_text_is_the_char_by_char_word_text() {
        use proptest::prelude::*;
        proptest!(ProptestConfig::with_cases(5000), |(text in "[ -~\t\n]{0,60}")| {
            for (breaks, mark) in [(&[][..], ' '), (&[',', ';', ':', '(', ')'][..], '|')] {
                prop_assert_eq!(
                    super::ascii_word_text_marking(&text, breaks, mark),
                    super::chars_word_text_marking(&text, breaks, mark)
                );
            }
        });
    }

    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        TAXONOMY
            .areas_in(text)
            .into_iter()
            .map(|a| TAXONOMY.id(a))
            .collect()
    }

    #[test]
    fn data_file_parses_cleanly() {
        let t = &*TAXONOMY;
        assert!(t.areas.len() > 40);
        // Every declared parent and implied cohort exists.
        for line in DATA.lines() {
            for key in ["parent:", "implies:"] {
                if let Some(p) = line.strip_prefix(key) {
                    assert!(t.index(p.trim()).is_some(), "unknown area in {line}");
                }
            }
        }
        for a in &t.areas {
            if let Some(c) = a.implies {
                assert_eq!(
                    t.areas[c].kind,
                    AreaKind::Cohort,
                    "{} implies a non-cohort",
                    a.id
                );
            }
        }
        let ids: std::collections::HashSet<_> = t.areas.iter().map(|a| &a.id).collect();
        assert_eq!(ids.len(), t.areas.len(), "duplicate area ids");
    }

    #[test]
    fn words_drop_apostrophes_and_split_hyphens() {
        assert_eq!(
            words("Children’s pre-proceedings, 16- and 17-year-olds"),
            [
                "childrens",
                "pre",
                "proceedings",
                "16",
                "and",
                "17",
                "year",
                "olds"
            ]
        );
    }

    #[test]
    fn recognises_areas_of_real_recommendations() {
        assert_eq!(
            ids("The clarity of purpose and quality of practice during pre-proceedings."),
            ["pre_proceedings"]
        );
        assert!(
            ids("The timeliness of initial health assessments for children in care.")
                .contains(&"initial_health_assessments")
        );
        assert!(
            !ids("The timeliness of initial health assessments for children in care.")
                .contains(&"health_assessments")
        );
        assert!(
            ids("The response to 16- and 17-year-old homeless young people.")
                .contains(&"homeless_16_17")
        );
    }

    #[test]
    fn longer_cue_of_another_area_wins() {
        // A court order, not staff supervision.
        let a = ids(
            "The quality of plans and the oversight of children subject to supervision orders.",
        );
        assert!(a.contains(&"court_work"), "{a:?}");
        assert!(!a.contains(&"supervision_oversight"), "{a:?}");
        // Education, not children who go missing.
        let a =
            ids("Clear processes are in place to oversee children who are missing from education.");
        assert!(!a.contains(&"missing_children"), "{a:?}");
    }

    #[test]
    fn gap_cue_spans_words() {
        let a = ids("Ensure that professionals routinely receive feedback on the response to, and progress of, referrals that they have made to children's social care.");
        assert!(a.contains(&"feedback_to_referrers"), "{a:?}");
        assert!(!a.contains(&"front_door"), "{a:?}");
    }

    #[test]
    fn hierarchy() {
        let t = &*TAXONOMY;
        let plans = t.index("plans").unwrap();
        let cin = t.index("cin_cp_plans").unwrap();
        assert!(t.within(cin, plans));
        assert!(!t.within(plans, cin));
    }
}

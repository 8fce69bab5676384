//! Every type that crosses a stage boundary or reaches the output: the typed document,
//! the diff and the timeline. Field names and values follow `../shared/CONTRACT.md`.

use serde::{Deserialize, Serialize};

/// Version of the JSON contract; bump when a contracted field is renamed or removed.
pub const SCHEMA_VERSION: u32 = 1;

/// What sort of document a text is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A full graded inspection (SIF or ILACS, standard or short).
    Inspection,
    /// A monitoring-visit letter to a council judged inadequate.
    MonitoringVisit,
    /// A focused-visit letter.
    FocusedVisit,
    /// A joint targeted area inspection (JTAI) letter.
    JointInspection,
    /// A DfE improvement notice or statutory direction.
    ImprovementNotice,
    /// A press or council release about a result.
    NewsArticle,
    /// A school inspection report (not this tool's subject, recognised to say so).
    SchoolInspection,
    Unknown,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Inspection => "inspection",
            Kind::MonitoringVisit => "monitoring_visit",
            Kind::FocusedVisit => "focused_visit",
            Kind::JointInspection => "joint_inspection",
            Kind::ImprovementNotice => "improvement_notice",
            Kind::NewsArticle => "news_article",
            Kind::SchoolInspection => "school_inspection",
            Kind::Unknown => "unknown",
        }
    }
}

/// Inspection framework of a full inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    /// Single inspection framework, 2013–2018.
    Sif,
    /// Inspection of local authority children's services, 2018 onwards.
    Ilacs,
}

impl Framework {
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Sif => "sif",
            Framework::Ilacs => "ilacs",
        }
    }
}

/// An Ofsted grade.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Inadequate,
    RequiresImprovement,
    Good,
    Outstanding,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::RequiresImprovement => "requires_improvement",
            Grade::Inadequate => "inadequate",
        }
    }

    /// The words Ofsted prints for the grade.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::Inadequate => "Inadequate",
        }
    }
}

/// A judgement area (row of the judgement table).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    OverallEffectiveness,
    ImpactOfLeaders,
    HelpAndProtection,
    ChildrenInCareAndCareLeavers,
    ChildrenInCare,
    CareLeavers,
    ChildrenLookedAfter,
    Adoption,
    LeadershipManagementGovernance,
    Lscb,
}

impl Area {
    pub const ALL: [Area; 10] = [
        Area::OverallEffectiveness,
        Area::ImpactOfLeaders,
        Area::HelpAndProtection,
        Area::ChildrenInCareAndCareLeavers,
        Area::ChildrenInCare,
        Area::CareLeavers,
        Area::ChildrenLookedAfter,
        Area::Adoption,
        Area::LeadershipManagementGovernance,
        Area::Lscb,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::OverallEffectiveness => "overall_effectiveness",
            Area::ImpactOfLeaders => "impact_of_leaders",
            Area::HelpAndProtection => "help_and_protection",
            Area::ChildrenInCareAndCareLeavers => "children_in_care_and_care_leavers",
            Area::ChildrenInCare => "children_in_care",
            Area::CareLeavers => "care_leavers",
            Area::ChildrenLookedAfter => "children_looked_after",
            Area::Adoption => "adoption",
            Area::LeadershipManagementGovernance => "leadership_management_governance",
            Area::Lscb => "lscb",
        }
    }

    /// A short human label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Area::OverallEffectiveness => "Overall effectiveness",
            Area::ImpactOfLeaders => "Impact of leaders",
            Area::HelpAndProtection => "Help and protection",
            Area::ChildrenInCareAndCareLeavers => "Children in care and care leavers",
            Area::ChildrenInCare => "Children in care",
            Area::CareLeavers => "Care leavers",
            Area::ChildrenLookedAfter => "Children looked after",
            Area::Adoption => "Adoption",
            Area::LeadershipManagementGovernance => "Leadership, management, governance",
            Area::Lscb => "LSCB",
        }
    }
}

/// One graded area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Judgement {
    pub area: Area,
    pub grade: Grade,
    /// True when the document only reports a judgement made elsewhere.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reported: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whose list a recommendation is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    LocalAuthority,
    Lscb,
}

/// One thing the document asks the council (or the LSCB) to improve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Recommendation {
    /// The number printed in the document (`"3"`, `"5.b"`, `"L2"`), else the position.
    pub id: String,
    pub scope: Scope,
    pub text: String,
    /// National-framework cross-references such as "outcome 3, national framework".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_references: Vec<String>,
    /// Sub-list heading this item stands under, such as "areas for priority action".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// How a finding reads: what inspectors praise, criticise, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Positive,
    Negative,
    Mixed,
    Neutral,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
            Polarity::Mixed => "mixed",
            Polarity::Neutral => "neutral",
        }
    }
}

/// A body statement: a numbered paragraph or a paragraph of a findings section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Finding {
    pub id: String,
    pub section: String,
    pub text: String,
    pub polarity: Polarity,
}

/// The typed document `parse` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    pub schema_version: u32,
    pub source: String,
    pub kind: Kind,
    pub framework: Option<Framework>,
    pub local_authority: Option<String>,
    pub published: Option<String>,
    pub inspection_start: Option<String>,
    pub inspection_end: Option<String>,
    pub document_date: Option<String>,
    pub lead_inspector: Option<String>,
    #[serde(default)]
    pub inspectors: Vec<String>,
    pub judgements: Vec<Judgement>,
    pub recommendations: Vec<Recommendation>,
    pub findings: Vec<Finding>,
    /// Monitoring letters: which visit since the inadequate judgement (1 = first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_number: Option<u32>,
    /// Monitoring and focused visits: the areas of practice the visit looked at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_covered: Vec<String>,
    /// Improvement notices: the inspection report they refer to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<ReportReference>,
    pub warnings: Vec<String>,
}

impl Document {
    /// An empty document of unknown kind for `source`.
    pub fn new(source: impl Into<String>) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            source: source.into(),
            kind: Kind::Unknown,
            framework: None,
            local_authority: None,
            published: None,
            inspection_start: None,
            inspection_end: None,
            document_date: None,
            lead_inspector: None,
            inspectors: Vec::new(),
            judgements: Vec::new(),
            recommendations: Vec::new(),
            findings: Vec::new(),
            visit_number: None,
            areas_covered: Vec::new(),
            refers_to: None,
            warnings: Vec::new(),
        }
    }

    /// The date that places the document in time: publication, else the letter's date,
    /// else the end of the inspection.
    pub fn date(&self) -> Option<&str> {
        self.published
            .as_deref()
            .or(self.document_date.as_deref())
            .or(self.inspection_end.as_deref())
            .or(self.inspection_start.as_deref())
    }

    /// The grade the document gives (not reports) for `area`.
    pub fn grade(&self, area: Area) -> Option<Grade> {
        self.judgements
            .iter()
            .find(|j| j.area == area)
            .map(|j| j.grade)
    }
}

/// The inspection an improvement notice (or a letter) refers back to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportReference {
    /// Publication date of the report referred to.
    pub published: Option<String>,
    /// The areas judged inadequate that the notice names.
    pub areas: Vec<Area>,
}

/// Where a recommendation stands in the newer document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Persists,
    Ongoing,
    Resolved,
    NotAssessed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Persists => "persists",
            Status::Ongoing => "ongoing",
            Status::Resolved => "resolved",
            Status::NotAssessed => "not_assessed",
        }
    }
}

/// How a judgement moved between two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Improved,
    Declined,
    Unchanged,
    Added,
    Removed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Declined => "declined",
            Change::Unchanged => "unchanged",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }
}

/// The short description of one side of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentRef {
    pub source: String,
    pub kind: Kind,
    pub framework: Option<Framework>,
    pub local_authority: Option<String>,
    pub published: Option<String>,
    pub date: Option<String>,
}

impl From<&Document> for DocumentRef {
    fn from(d: &Document) -> Self {
        DocumentRef {
            source: d.source.clone(),
            kind: d.kind,
            framework: d.framework,
            local_authority: d.local_authority.clone(),
            published: d.published.clone(),
            date: d.date().map(str::to_string),
        }
    }
}

/// One area's grade in both documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct JudgementChange {
    pub area: Area,
    pub old: Option<Grade>,
    pub new: Option<Grade>,
    pub change: Change,
    /// The NEW area when OLD's area was mapped across frameworks (SIF → ILACS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_area: Option<Area>,
    /// True when the two grades come from different frameworks.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cross_framework: bool,
    /// True when either grade is only reported by the document.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reported: bool,
}

/// A sentence of NEW quoted as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Evidence {
    /// The finding (paragraph) id, or `rec:N` for one of NEW's recommendations.
    pub finding_id: String,
    /// Verbatim substring of NEW's text.
    pub quote: String,
    pub polarity: Polarity,
}

/// Why a recommendation got its status, for `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Explanation {
    /// Practice areas of the old recommendation.
    pub practice_areas: Vec<String>,
    /// Best candidate among NEW's recommendations, with its score.
    pub best_match: Option<(String, f64)>,
    /// How many of NEW's sentences bore on the issue, by polarity.
    pub positive: usize,
    pub negative: usize,
}

/// One OLD recommendation and where it stands in NEW.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecommendationStatus {
    pub old_id: String,
    pub scope: Scope,
    pub old_text: String,
    pub status: Status,
    pub matched_new_id: Option<String>,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// A recommendation of NEW that matches none of OLD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NewRecommendation {
    pub id: String,
    pub text: String,
}

/// The result of `diff OLD NEW`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Diff {
    pub schema_version: u32,
    pub old: DocumentRef,
    pub new: DocumentRef,
    pub judgements: Vec<JudgementChange>,
    pub recommendations: Vec<RecommendationStatus>,
    pub new_recommendations: Vec<NewRecommendation>,
    pub warnings: Vec<String>,
}

/// The result of `timeline FILE...`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Timeline {
    pub schema_version: u32,
    pub local_authority: Option<String>,
    /// Documents in date order.
    pub documents: Vec<DocumentRef>,
    /// Per area, the grade in each document (None where it was not graded).
    pub trajectories: Vec<Trajectory>,
    /// Each recommendation's lineage across consecutive documents.
    pub lineages: Vec<Lineage>,
    pub warnings: Vec<String>,
}

/// One judgement area across the timeline's documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Trajectory {
    pub area: Area,
    pub grades: Vec<Option<Grade>>,
}

/// One recommendation followed from the document that raised it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Lineage {
    /// Index into `documents` of the document that raised it.
    pub raised_in: usize,
    pub id: String,
    pub text: String,
    /// Status in each later document (index `raised_in + 1 ..`).
    pub statuses: Vec<Status>,
}

//! CSV import of applications: headers are matched to fields by name (with the usual
//! synonyms, or as the user maps them), and each row is checked on its own line.

use crate::LineError;
use followup_core::model::{Application, ApplicationStatus};
use jiff::Timestamp;

/// The fields a CSV can fill, each with the header names that mean it (lower case).
pub const FIELDS: &[(&str, &[&str])] = &[
    (
        "company",
        &["company", "employer", "organisation", "organization"],
    ),
    ("role", &["role", "job title", "title", "position"]),
    ("status", &["status", "stage"]),
    ("url", &["url", "link", "source", "source url", "job url"]),
    (
        "applied_on",
        &["applied on", "applied_on", "applied", "date applied"],
    ),
    (
        "job_description",
        &["job description", "job_description", "description", "jd"],
    ),
];

/// What a CSV file held: the rows that make applications (with their line numbers), the
/// rows that could not, and header columns no field took.
#[derive(Debug, Default)]
pub struct CsvRead {
    pub rows: Vec<(usize, Application)>,
    pub skipped: Vec<LineError>,
    pub ignored_columns: Vec<String>,
}

/// `mapping` holds user overrides as (field, header) pairs; `progress` is called with the
/// bytes read so far.
pub fn read_applications(
    input: impl std::io::Read,
    mapping: &[(String, String)],
    now: Timestamp,
    mut progress: impl FnMut(u64),
) -> Result<CsvRead, LineError> {
    let (input, shape) = crate::csv_shape::ShapeChecked::new(input);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| {
            LineError::new(
                1,
                match e.kind() {
                    // Spreadsheets offer "CSV (UTF-16)" and "CSV (Windows-1252)" beside UTF-8.
                    csv::ErrorKind::Utf8 { .. } => "the header row is not UTF-8 text; save the \
                        file as \"CSV UTF-8\" and import it again"
                        .to_string(),
                    _ => format!("cannot read the header row: {e}"),
                },
            )
        })?
        .clone();
    let columns = map_columns(&headers, mapping)?;
    let mut out = CsvRead {
        ignored_columns: headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !columns.contains(&Some(*i)))
            .map(|(_, h)| h.to_string())
            .collect(),
        ..CsvRead::default()
    };
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line() as usize);
                match row_to_application(&record, &columns, now) {
                    Ok(app) => out.rows.push((line, app)),
                    Err(problem) => out.skipped.push(LineError::new(line, problem)),
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                let problem = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("has {len} fields, the header has {expected_len}")
                    }
                    csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text".to_string(),
                    _ => e.to_string(),
                };
                out.skipped.push(LineError::new(line, problem));
                if !matches!(
                    e.kind(),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                ) {
                    break;
                }
            }
        }
        progress(reader.position().byte());
    }
    // A malformed file is refused whole: its rows cannot be trusted to be the rows.
    if let Some(problem) = shape.borrow_mut().take() {
        return Err(problem);
    }
    Ok(out)
}

/// For each entry of `FIELDS`, the column that fills it.
fn map_columns(
    headers: &csv::StringRecord,
    mapping: &[(String, String)],
) -> Result<Vec<Option<usize>>, LineError> {
    let find = |name: &str| {
        headers.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name.trim())
        })
    };
    for (field, _) in mapping {
        if !FIELDS.iter().any(|(f, _)| f == field) {
            let known: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
            return Err(LineError::new(
                1,
                format!(
                    "unknown field '{field}' in --column; fields: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    let mut columns = Vec::new();
    for (field, synonyms) in FIELDS {
        let column = match mapping.iter().find(|(f, _)| f == field) {
            Some((_, header)) => Some(find(header).ok_or_else(|| {
                LineError::new(
                    1,
                    format!("--column {field}={header}: no column '{header}' in the header"),
                )
            })?),
            None => synonyms.iter().find_map(|s| find(s)),
        };
        columns.push(column);
    }
    for (i, required) in ["company", "role"].iter().enumerate() {
        if columns[i].is_none() {
            let names: Vec<&str> = headers.iter().collect();
            return Err(LineError::new(
                1,
                format!(
                    "no column for {required} (columns are: {}); name one with --column {required}=HEADER",
                    names.join(", ")
                ),
            ));
        }
    }
    Ok(columns)
}

fn row_to_application(
    record: &csv::StringRecord,
    columns: &[Option<usize>],
    now: Timestamp,
) -> Result<Application, String> {
    let get = |field: usize| {
        columns[field]
            .and_then(|c| record.get(c))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    // A spreadsheet cell can break lines (Alt+Enter) where a one-line field cannot: the
    // break was for the eye, so it becomes a space.
    let one_line = |field: usize| get(field).split_whitespace().collect::<Vec<_>>().join(" ");
    let (company, role) = (one_line(0), one_line(1));
    if company.is_empty() {
        return Err("company is empty".into());
    }
    if role.is_empty() {
        return Err("role is empty".into());
    }
    let status = one_line(2);
    let applied = get(4);
    let applied_on = if applied.is_empty() {
        None
    } else {
        Some(followup_core::when::date("applied_on", &applied).map_err(|e| e.to_string())?)
    };
    let app = Application {
        id: String::new(),
        company,
        role,
        job_description: get(5),
        source_url: one_line(3),
        documents: Vec::new(),
        status: if status.is_empty() {
            ApplicationStatus::Applied
        } else {
            ApplicationStatus::from(status.as_str())
        },
        applied_on,
        created_at: now,
        updated_at: now,
    };
    // What the engine would refuse is refused here, with the row's line.
    app.check().map_err(|e| e.to_string())?;
    Ok(app)
}

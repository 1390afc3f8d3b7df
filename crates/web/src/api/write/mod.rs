//! The API's writes: everything the pages change, each one engine call. A write answers
//! `{"result": …, "warnings": […]}`: what it wrote, in the shape a read of it has, and
//! what the CLI would have printed as warnings (a cadence broken, a near-identical panel
//! note). Bodies name their fields as the CLI's flags do; unknown fields are refused.

mod account;
mod messages;
mod plan;
mod records;

pub use account::*;
pub use messages::*;
pub use plan::*;
pub use records::*;

use super::{ApiErrorBody, Written};
use crate::AppState;
use crate::error::{ApiError, ApiJson, WebError};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use followup_app::{
    ApplicationChanges, CallLog, CallLogged, ContactChanges, DraftRequest, DraftView,
    InterviewChanges, InterviewNote, Joining, NewInterview, ProfileChanges, Resolution,
    ResolvedSetting, Sent, StepActed, StepAction, Undone, WhenYouDid,
};
use followup_core::calendar::Holiday;
use followup_core::compose::DraftKind;
use followup_core::model::{Application, Contact, Interview, Profile, Skill};
use followup_core::outbox::OutboxEntry;
use followup_formats::backup::Backup;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

type Answer<T> = Result<Json<Written<T>>, ApiError>;
type Created<T> = Result<(StatusCode, Json<Written<T>>), ApiError>;

fn created<T>(written: Written<T>) -> (StatusCode, Json<Written<T>>) {
    (StatusCode::CREATED, Json(written))
}

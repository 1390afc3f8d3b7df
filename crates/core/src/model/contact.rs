//! Contacts: interviewers and other people at employers, with their phones, emails
//! and postal addresses as labelled values.

use super::*;

/// A phone number or email address with the labels it came with ("work", "cell").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Labelled {
    pub value: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

impl Labelled {
    pub fn plain(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            labels: Vec::new(),
        }
    }
}

/// A postal address, in the parts a vCard ADR has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalAddress {
    #[serde(default)]
    pub po_box: String,
    #[serde(default)]
    pub extended: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub locality: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub country: String,
}

impl PostalAddress {
    pub fn is_empty(&self) -> bool {
        self.lines().is_empty()
    }

    /// Every part, empty or not, in vCard ADR order (RFC 6350 §6.3.1).
    pub fn parts(&self) -> [&String; 7] {
        [
            &self.po_box,
            &self.extended,
            &self.street,
            &self.locality,
            &self.region,
            &self.postcode,
            &self.country,
        ]
    }

    /// The address as it is written on an envelope, one part a line.
    pub fn lines(&self) -> Vec<&str> {
        self.parts()
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// An interviewer, or anyone else at the employer the candidate deals with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub id: String,
    /// Stable identity across re-imports and exports (the vCard UID).
    pub uid: String,
    #[serde(default)]
    pub honorific: String,
    #[serde(default)]
    pub given_name: String,
    #[serde(default)]
    pub family_name: String,
    /// The name as the person writes it ("Priya Patel").
    pub full_name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub emails: Vec<Labelled>,
    #[serde(default)]
    pub phones: Vec<Labelled>,
    #[serde(default)]
    pub address: Option<PostalAddress>,
    #[serde(default)]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    pub preferred_channel: PreferredChannel,
    #[serde(default)]
    pub notes: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: Timestamp,
}

impl Contact {
    /// A contact with only a name, stamped `now`; ids are given by the store.
    pub fn named(full_name: &str, now: Timestamp) -> Self {
        let (given_name, family_name) = crate::contact::split_name(full_name);
        Self {
            id: String::new(),
            uid: String::new(),
            honorific: String::new(),
            given_name,
            family_name,
            full_name: full_name.trim().to_string(),
            position: String::new(),
            organisation: String::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            address: None,
            time_zone: None,
            region: None,
            preferred_channel: PreferredChannel::Any,
            notes: String::new(),
            created_at: now,
            updated_at: now,
        }
    }

    pub fn primary_email(&self) -> Option<&str> {
        self.emails.first().map(|e| e.value.as_str())
    }

    pub fn primary_phone(&self) -> Option<&str> {
        self.phones.first().map(|p| p.value.as_str())
    }
}

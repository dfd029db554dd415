//! Staff accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cached::CacheStatement;
use super::schema::users;
use super::{new_id, DbConnection, DbError, QueryContext};
use crate::domain::user::{EmailAddress, PersonName, Role};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserRow {
    id: String,
    email: String,
    name: String,
    role: String,
    password_hash: String,
    created_at: NaiveDateTime,
}

/// A staff member as stored.
#[derive(Debug, Clone, serde::Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    #[serde(skip)]
    pub password_hash: String,
    pub created_at: NaiveDateTime,
}

impl User {
    pub fn is_owner(&self) -> bool {
        self.role == Role::Owner
    }
}

impl TryFrom<UserRow> for User {
    type Error = DbError;
    fn try_from(row: UserRow) -> Result<Self, DbError> {
        Ok(User {
            role: row
                .role
                .parse()
                .map_err(|m: crate::i18n::Message| DbError::Corrupt(m.english()))?,
            id: row.id,
            email: row.email,
            name: row.name,
            password_hash: row.password_hash,
            created_at: row.created_at,
        })
    }
}

pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    users::table
        .count()
        .get_result(conn)
        .context("counting users")
}

pub fn insert(
    conn: &mut DbConnection,
    email: &EmailAddress,
    name: &PersonName,
    role: Role,
    password_hash: &str,
    now: NaiveDateTime,
) -> Result<User, DbError> {
    let id = new_id();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(&id),
            users::email.eq(email.as_str()),
            users::name.eq(name.as_str()),
            users::role.eq(role.as_str()),
            users::password_hash.eq(password_hash),
            users::created_at.eq(now),
        ))
        .execute(conn)
        .context("creating a user")?;
    Ok(User {
        id,
        email: email.as_str().into(),
        name: name.as_str().into(),
        role,
        password_hash: password_hash.into(),
        created_at: now,
    })
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> Result<Option<User>, DbError> {
    users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
        .context("finding a user by email")?
        .map(User::try_from)
        .transpose()
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<User>, DbError> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()
        .context("finding a user")?
        .map(User::try_from)
        .transpose()
}

pub fn list(conn: &mut DbConnection) -> Result<Vec<User>, DbError> {
    users::table
        .order((users::role.desc(), users::name.asc()))
        .select(UserRow::as_select())
        .load(conn)
        .context("listing users")?
        .into_iter()
        .map(User::try_from)
        .collect()
}

pub fn set_password_hash(conn: &mut DbConnection, id: &str, hash: &str) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(users::password_hash.eq(hash))
        .execute_cached(conn)
        .context("updating a password")?;
    Ok(())
}

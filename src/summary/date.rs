//! The date and time a summary is made, in UTC, without a date crate: the civil date
//! from days since 1970 (Howard Hinnant's algorithm).

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment to the minute, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Stamp {
    /// Now, by the system clock (a clock before 1970 counts as 1970).
    pub fn now() -> Stamp {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Stamp::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
    }

    /// The moment `secs` seconds after 1970-01-01 00:00:00 UTC.
    pub fn from_unix(secs: i64) -> Stamp {
        let days = secs.div_euclid(86_400);
        let in_day = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Stamp {
            year,
            month,
            day,
            hour: (in_day / 3600) as u8,
            minute: (in_day % 3600 / 60) as u8,
            second: (in_day % 60) as u8,
        }
    }

    /// "2026-12-03 14:05 UTC", as shown on a summary.
    pub fn shown(&self) -> String {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// "2026-12-03-140559", for file names (sorts by time, no characters a shell or
    /// a file system minds).
    pub fn for_file(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}-{:02}{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Year, month (1-12) and day (1-31) of a day counted from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_moments_are_dated_right() {
        assert_eq!(Stamp::from_unix(0).shown(), "1970-01-01 00:00 UTC");
        // 2000-02-29 12:34:56 UTC, a leap day in a year divisible by 400.
        let leap = Stamp::from_unix(951_827_696);
        assert_eq!(leap.shown(), "2000-02-29 12:34 UTC");
        assert_eq!(leap.for_file(), "2000-02-29-123456");
        // 2026-12-31 23:59:59 and the second after it.
        assert_eq!(
            Stamp::from_unix(1_798_761_599).for_file(),
            "2026-12-31-235959"
        );
        assert_eq!(
            Stamp::from_unix(1_798_761_600).shown(),
            "2027-01-01 00:00 UTC"
        );
        // Before 1970.
        assert_eq!(Stamp::from_unix(-1).shown(), "1969-12-31 23:59 UTC");
    }
}

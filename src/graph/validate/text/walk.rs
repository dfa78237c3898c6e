//! Every string of a model value, with the field names that lead to it, visited in place
//! by serde: the value is serialized into nothing, so a field added to the model later is
//! visited without anyone remembering to, and no copy of the value is ever built.
//!
//! The path holds struct field names only: an enum's variant (`YesNo`, `Has` ...) says
//! which variant, not where, and list positions are left out. Unit variants (`Common`,
//! `Typical`) are names, not text, and are not visited; nor are map keys (the model has
//! no maps).

use std::fmt;

use serde::Serialize;
use serde::ser;

/// Calls `visit(path, text)` for every string in `value`, in the order its fields are
/// declared, which is the order they are written in.
pub(crate) fn strings<T: Serialize>(value: &T, visit: impl FnMut(&[&'static str], &str)) {
    let mut walker = Walker {
        path: Vec::new(),
        visit,
    };
    // Nothing here fails: the walker's error is never made.
    let _ = value.serialize(&mut walker);
}

struct Walker<F> {
    path: Vec<&'static str>,
    visit: F,
}

/// The walker's error: serde needs one, nothing makes one but `custom`.
#[derive(Debug)]
pub(super) struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<F: FnMut(&[&'static str], &str)> Walker<F> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Stop> {
        self.path.push(key);
        let done = value.serialize(&mut *self);
        self.path.pop();
        done
    }
}

macro_rules! nothing {
    ($($name:ident: $ty:ty),* $(,)?) => {
        $(fn $name(self, _: $ty) -> Result<(), Stop> { Ok(()) })*
    };
}

impl<F: FnMut(&[&'static str], &str)> ser::Serializer for &mut Walker<F> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    nothing!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8],
        serialize_unit_struct: &'static str,
    );

    fn serialize_char(self, v: char) -> Result<(), Stop> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        (self.visit)(&self.path, v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl<F: FnMut(&[&'static str], &str)> ser::$trait for &mut Walker<F> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        })*
    };
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl<F: FnMut(&[&'static str], &str)> ser::SerializeMap for &mut Walker<F> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl<F: FnMut(&[&'static str], &str)> ser::SerializeStruct for &mut Walker<F> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl<F: FnMut(&[&'static str], &str)> ser::SerializeStructVariant for &mut Walker<F> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::strings;
    use crate::graph::model::{Answers, Condition, Outcome, Question};

    #[test]
    fn every_string_in_written_order_with_its_fields() {
        let question = Question {
            id: "q".into(),
            text: "Any pain?".into(),
            help: None,
            ask_if: Some(Condition::Not(Box::new(Condition::Has("fever".into())))),
            otherwise: Some("q-next".into()),
            answers: Answers::YesNo {
                yes: Outcome {
                    add: vec!["pain".into(), "ache".into()],
                    rule_out: vec![],
                    next: None,
                },
                no: Outcome::default(),
                unsure: Outcome::default(),
            },
            next: Some("q-end".into()),
        };
        let mut seen = Vec::new();
        strings(&question, |path, text| {
            seen.push(format!("{}={text}", path.join(".")));
        });
        assert_eq!(
            seen,
            [
                "id=q",
                "text=Any pain?",
                "ask_if=fever",
                "otherwise=q-next",
                "answers.yes.add=pain",
                "answers.yes.add=ache",
                "next=q-end",
            ]
        );
    }
}

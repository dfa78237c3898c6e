//! Text into words that compare: case and accents folded, British and American spellings
//! made one, plurals dropped, and a small table of words that mean the same.

/// Lowercase and strip accents, one character for one, so indices stay valid.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

pub(super) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ß' => 's',
        '’' | '‘' => '\'',
        other => other,
    };
    base.to_lowercase().next().unwrap_or(base)
}

/// The words of a folded text: runs of letters and digits, as (first char, char count),
/// leaving out the letter after an apostrophe ("kahler's", "can't").
pub(super) fn words(folded: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    words_into(folded, &mut out);
    out
}

/// [`words`] into a buffer that is reused (cleared first).
pub(super) fn words_into(folded: &[char], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = None;
    for (i, c) in folded.iter().chain(std::iter::once(&' ')).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let after_apostrophe = s > 0 && folded.get(s - 1) == Some(&'\'');
                if !(after_apostrophe && i - s == 1) {
                    out.push((s, i - s));
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// One spelling for British and American forms ("oesophagus", "haem", "tumour", "-ise"),
/// and a plural made singular ("stones", "injuries", "disks"). Both the query and the
/// texts go through it, so the rules need only agree with themselves.
pub(super) fn normalize(word: &str) -> String {
    let mut out = String::new();
    normalize_into(word, &mut out);
    out
}

/// [`normalize`] into a buffer that is reused (cleared first): no allocation unless the
/// word holds a British spelling.
pub(super) fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    let respelled = if may_respell(word) {
        let mut w = word.to_string();
        for (from, to) in SPELLINGS {
            if w.contains(from) {
                w = w.replace(from, to);
            }
        }
        std::borrow::Cow::Owned(w)
    } else {
        std::borrow::Cow::Borrowed(word)
    };
    let w: &str = &respelled;
    let ised = [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ]
    .into_iter()
    .find_map(|(from, to)| {
        if w.len() > from.len() + 2 {
            w.strip_suffix(from).map(|stem| (stem, to))
        } else {
            None
        }
    });
    match ised {
        Some((stem, to)) => {
            out.push_str(stem);
            out.push_str(to);
        }
        None => out.push_str(w),
    }
    singular(out);
}

/// Whether a word may hold one of the [`SPELLINGS`]: each holds one of these, which most
/// words do not.
fn may_respell(word: &str) -> bool {
    word.as_bytes()
        .windows(2)
        .any(|p| matches!(p, b"oe" | b"ae" | b"ph" | b"ys"))
        || ["our", "tre", "bre", "eing", "grey"]
            .iter()
            .any(|s| word.contains(s))
}

/// British spellings and the American ones they become.
const SPELLINGS: &[(&str, &str)] = &[
    ("oesoph", "esoph"),
    ("oedem", "edem"),
    ("oestr", "estr"),
    ("coeliac", "celiac"),
    ("foet", "fet"),
    ("faec", "fec"),
    ("rrhoea", "rrhea"),
    ("haem", "hem"),
    ("aemia", "emia"),
    ("anaes", "anes"),
    ("paed", "ped"),
    ("aetiol", "etiol"),
    ("tumour", "tumor"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("humour", "humor"),
    ("odour", "odor"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("litre", "liter"),
    ("sulph", "sulf"),
    ("manoeuvr", "maneuver"),
    ("analys", "analyz"),
    ("paralys", "paralyz"),
    ("ageing", "aging"),
    ("grey", "gray"),
];

/// A plural made singular, in place.
fn singular(w: &mut String) {
    let n = w.chars().count();
    if n <= 3 {
        return;
    }
    if n > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
        return;
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if w.ends_with(suffix) {
            w.truncate(w.len() - 2);
            return;
        }
    }
    if w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        w.truncate(w.len() - 1);
    }
}

/// Words that mean the same here, each group under its first word. Looked up after
/// `normalize`, so singular American spellings only.
const SYNONYMS: &[&[&str]] = &[
    &["disc", "disk"],
    &["low", "lower", "lumbar"],
    &["kidney", "renal"],
    &["lung", "pulmonary"],
    &["heart", "cardiac"],
    &["belly", "tummy", "stomach", "abdomen", "abdominal", "tum"],
    &["spine", "spinal", "vertebra", "vertebral", "backbone"],
    &["neck", "cervical"],
    &["broken", "fracture", "fractured", "break"],
    &["pee", "wee", "urine", "urinate", "urination", "urinary"],
    &["poo", "stool", "fece"],
    &["bottom", "buttock", "bum", "gluteal"],
    &["sick", "nausea", "nauseous", "queasy", "vomit", "vomiting"],
    &["tired", "tiredness", "fatigue", "exhausted", "exhaustion"],
    &["womb", "uterus", "uterine"],
    &["trapped", "pinched", "compressed"],
    &[
        "slipped",
        "herniated",
        "herniation",
        "prolapsed",
        "prolapse",
    ],
    &[
        "pain", "painful", "ache", "aching", "sore", "hurt", "hurting",
    ],
    &["sciatica", "sciatic"],
    &["numb", "numbness"],
    &["weak", "weakness"],
    &["stiff", "stiffness"],
    &["swollen", "swelling"],
    &["tender", "tenderness"],
    &["infection", "infected"],
    &["inflamed", "inflammation", "inflammatory"],
    &["fever", "temperature", "feverish", "pyrexia"],
    &["heartburn", "indigestion", "dyspepsia"],
    &[
        "breathless",
        "breathlessness",
        "breath",
        "breathe",
        "breathing",
    ],
];

/// The head of a word's synonym group, or the word itself.
pub(super) fn canon(norm: &str) -> &str {
    match group(norm) {
        0 => norm,
        g => SYNONYMS[usize::from(g) - 1][0],
    }
}

/// The synonym group of a normalized word: its place in [`SYNONYMS`] plus one, or 0 for
/// none. Two words have the same [`canon`] when their groups are the same and not 0, or
/// when neither has a group and they are the same.
pub(super) fn group(norm: &str) -> u8 {
    // Most words are in no group: a word longer than any in the table, or starting with
    // a letter none of them starts with, is not looked for.
    if norm.len() > 14
        || !norm
            .as_bytes()
            .first()
            .is_some_and(|b| SYNONYM_FIRST.contains(b))
    {
        return 0;
    }
    SYNONYMS
        .iter()
        .position(|g| g.contains(&norm))
        .map_or(0, |g| u8::try_from(g + 1).unwrap_or(0))
}

/// The first letters of the words in [`SYNONYMS`].
const SYNONYM_FIRST: &[u8] = b"abcdefghiklnpqrstuvw";

/// Small words that carry no meaning alone: they match only whole, and a query does
/// not need them to match.
pub(super) fn is_stop(folded: &str) -> bool {
    matches!(
        folded,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "my"
            | "me"
            | "i"
            | "im"
            | "and"
            | "or"
            | "with"
            | "for"
            | "is"
            | "it"
            | "its"
            | "from"
            | "into"
            | "when"
            | "after"
            | "by"
            | "up"
            | "down"
            | "out"
            | "that"
            | "this"
            | "be"
            | "very"
    )
}

/// Which letters (and digits, and other characters, a few to a bit) a word holds, one
/// bit each: an edit changes at most two bits, so words whose masks differ in more than
/// twice the edits allowed are not compared letter by letter.
pub(super) fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            _ => 26 + c as u32 % 6,
        };
        mask | 1 << bit
    })
}

/// Words found in so many names ("pain", "ache") that a query need not match them when
/// it has other words: "sciatica pain" still finds sciatica.
pub(super) fn is_filler(canon: &str) -> bool {
    canon == "pain"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_plurals_become_one() {
        assert_eq!(normalize("oesophagus"), normalize("esophagus"));
        assert_eq!(normalize("haematuria"), normalize("hematuria"));
        assert_eq!(normalize("anaesthesia"), normalize("anesthesia"));
        assert_eq!(normalize("tumours"), "tumor");
        assert_eq!(normalize("immobilised"), normalize("immobilized"));
        assert_eq!(normalize("stones"), "stone");
        assert_eq!(normalize("injuries"), "injury");
        assert_eq!(normalize("kidneys"), "kidney");
        assert_eq!(normalize("stenosis"), "stenosis");
        assert_eq!(normalize("abscess"), "abscess");
        assert_eq!(normalize("legs"), "leg");
        assert_eq!(canon(&normalize("disks")), "disc");
        assert_eq!(canon("lumbar"), "low");
        assert_eq!(canon("zebra"), "zebra");
        assert_eq!(canon("kidney"), "kidney");
        assert_eq!(canon("renal"), "kidney");
        assert_eq!(group("zebra"), 0);
        assert_eq!(group("kidney"), group("renal"));
    }

    #[test]
    fn every_synonym_is_found_and_in_one_group() {
        for (g, words) in SYNONYMS.iter().enumerate() {
            for w in *words {
                assert_eq!(usize::from(group(w)), g + 1, "{w}");
                assert_eq!(canon(w), words[0]);
                assert!(
                    w.len() <= 14 && SYNONYM_FIRST.contains(&w.as_bytes()[0]),
                    "{w}"
                );
            }
        }
    }

    /// `normalize` as it was written first, one allocation a step: the buffered one
    /// must agree with it.
    fn plain_normalize(word: &str) -> String {
        let mut w = word.to_string();
        for (from, to) in SPELLINGS {
            if w.contains(from) {
                w = w.replace(from, to);
            }
        }
        for (from, to) in [
            ("isation", "ization"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("ise", "ize"),
        ] {
            if w.len() > from.len() + 2
                && let Some(stem) = w.strip_suffix(from)
            {
                w = format!("{stem}{to}");
                break;
            }
        }
        singular(&mut w);
        w
    }

    #[test]
    fn the_buffered_normalize_agrees_with_the_plain_one() {
        let mut out = String::new();
        for word in [
            "oesophagus",
            "haematuria",
            "anaesthesia",
            "tumours",
            "immobilised",
            "stones",
            "injuries",
            "kidneys",
            "stenosis",
            "abscess",
            "legs",
            "disks",
            "centres",
            "fibres",
            "ageing",
            "greyish",
            "paralysis",
            "analyses",
            "sulphur",
            "manoeuvres",
            "coeliac",
            "diarrhoeas",
            "paediatric",
            "aetiology",
            "colours",
            "behaviours",
            "odours",
            "humours",
            "litres",
            "oedema",
            "oestrogen",
            "foetus",
            "faeces",
            "anaemia",
            "organisation",
            "organising",
            "ises",
            "rise",
            "bus",
            "crisis",
            "boxes",
            "watches",
            "dishes",
            "classes",
            "pies",
            "flies",
            "a",
            "",
            "élan",
            "naïves",
        ] {
            normalize_into(word, &mut out);
            assert_eq!(out, plain_normalize(word), "{word}");
            assert_eq!(normalize(word), out);
        }
    }

    #[test]
    fn every_spelling_is_looked_for() {
        for (from, _) in SPELLINGS {
            assert!(may_respell(from), "{from}");
        }
        assert!(!may_respell("kidney") && !may_respell("stone"));
    }

    #[test]
    fn stop_words_and_masks() {
        assert!(is_stop("the") && is_stop("very") && !is_stop("thee") && !is_stop(""));
        assert_eq!(letter_mask("abc"), 0b111);
        assert_eq!(letter_mask("cab"), letter_mask("abc"));
        assert_ne!(letter_mask("ab1"), letter_mask("ab"));
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let text: Vec<char> = fold("Slipped (herniated) disc").chars().collect();
        assert_eq!(words(&text), [(0, 7), (9, 9), (20, 4)]);
        assert!(words(&[]).is_empty());
        let text: Vec<char> = fold("Kahler’s disease, can't").chars().collect();
        assert_eq!(words(&text), [(0, 6), (9, 7), (18, 3)]);
        assert_eq!(fold("Sjögren"), "sjogren");
    }
}

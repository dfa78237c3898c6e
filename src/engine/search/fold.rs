//! Text into words that compare: case and accents folded, British and American spellings
//! made one, plurals dropped, and a small table of words that mean the same.

/// Lowercase and strip accents, one character for one, so indices stay valid.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

pub(super) fn fold_char(c: char) -> char {
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
    out
}

/// One spelling for British and American forms ("oesophagus", "haem", "tumour", "-ise"),
/// and a plural made singular ("stones", "injuries", "disks"). Both the query and the
/// texts go through it, so the rules need only agree with themselves.
pub(super) fn normalize(word: &str) -> String {
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
    singular(&w)
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

fn singular(w: &str) -> String {
    let n = w.chars().count();
    if n <= 3 {
        return w.to_string();
    }
    if n > 4
        && let Some(stem) = w.strip_suffix("ies")
    {
        return format!("{stem}y");
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
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
    SYNONYMS
        .iter()
        .find(|group| group.contains(&norm))
        .map_or(norm, |group| group[0])
}

/// Small words that carry no meaning alone: they match only whole, and a query does
/// not need them to match.
pub(super) fn is_stop(folded: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "my", "me", "i", "im", "and", "or", "with",
        "for", "is", "it", "its", "from", "into", "when", "after", "by", "up", "down", "out",
        "that", "this", "be", "very",
    ];
    STOP.contains(&folded)
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

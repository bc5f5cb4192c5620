using System.Globalization;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Design.Diagnostics;

/// <summary>
/// PL1xxx: reading the file and YAML syntax, reported by <see cref="SafeYamlReader"/>. The design file is plain
/// YAML: one UTF-8 document of mappings, lists and values, no anchors, aliases or tags.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>PL1001: the file is larger than <see cref="YamlLimits.MaxBytes"/>; checked before it is parsed.</summary>
    /// <param name="span">The start of the file.</param>
    /// <param name="size">The size in bytes, or a lower bound when <paramref name="sizeIsLowerBound"/>.</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="sizeIsLowerBound">True when reading stopped at the limit, so the real size is unknown.</param>
    public static Diagnostic FileTooLarge(SourceSpan span, long size, long limit, bool sizeIsLowerBound = false) =>
        Error(
            "PL1001",
            span,
            string.Empty,
            sizeIsLowerBound
                ? $"the file is larger than the {Quantities.FileSize(limit)} limit ({Quantities.Exact(limit)} bytes)"
                : $"the file is {Quantities.FileSize(size, roundUp: true)}, over the {Quantities.FileSize(limit)} limit ({Quantities.Exact(size)} > {Quantities.Exact(limit)} bytes)",
            "check that this is the design file and not generated data; a design is normally well under 1 MiB, so split it or trim repeated sections");

    /// <summary>PL1002: the bytes are not valid UTF-8; the span points at the first bad byte.</summary>
    /// <param name="span">Where the first invalid sequence starts.</param>
    /// <param name="value">The first byte of the invalid sequence.</param>
    /// <param name="byteOffset">Its offset in the file, in bytes from 0.</param>
    /// <param name="looksLikeUtf16">True when the file starts with a UTF-16 byte-order mark.</param>
    public static Diagnostic InvalidUtf8(SourceSpan span, byte value, long byteOffset, bool looksLikeUtf16) =>
        Error(
            "PL1002",
            span,
            string.Empty,
            string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8: byte 0x{value:X2} (at byte {byteOffset}) does not start or continue a UTF-8 character"),
            looksLikeUtf16
                ? "the file starts with a UTF-16 byte-order mark; save it as UTF-8 (in most editors: Save with Encoding > UTF-8)"
                : "save the file as UTF-8 (in most editors: Save with Encoding > UTF-8); a byte like this usually means the file was saved as Latin-1 or Windows-1252");

    /// <summary>PL1003: lists and mappings nest deeper than <see cref="YamlLimits.MaxDepth"/>; reading stops here.</summary>
    public static Diagnostic NestingTooDeep(SourceSpan span, string path, int limit) =>
        Error(
            "PL1003",
            span,
            path,
            string.Create(CultureInfo.InvariantCulture, $"lists and mappings are nested more than {limit} levels deep"),
            "a design needs only a few levels; look for a run of unclosed '[' or '{' or indentation that keeps growing");

    /// <summary>PL1004: an alias (<c>*name</c>); design files use none, and expanding them is how "billion laughs" files explode.</summary>
    public static Diagnostic AliasNotAllowed(SourceSpan span, string path, string alias) =>
        Error(
            "PL1004",
            span,
            path,
            $"the alias '*{alias}' is not allowed in a design file",
            "write the value out where it is needed; design files do not use YAML anchors and aliases");

    /// <summary>PL1005: more nodes than <see cref="YamlLimits.MaxNodes"/>; reading stops here.</summary>
    public static Diagnostic TooManyNodes(SourceSpan span, string path, int limit) =>
        Error(
            "PL1005",
            span,
            path,
            $"the file has more than {Quantities.Exact(limit)} keys, values, lists and mappings",
            "check that this is the design file and not generated data; split the design or trim repeated sections");

    /// <summary>PL1006: one key or value is longer than <see cref="YamlLimits.MaxScalarLength"/>; reading stops here.</summary>
    public static Diagnostic ValueTooLong(SourceSpan span, string path, int length, int limit) =>
        Error(
            "PL1006",
            span,
            path,
            $"this value is {Quantities.Exact(length)} characters long, over the {Quantities.Exact(limit)}-character limit",
            "shorten it; keep long documentation in its own file and link to it");

    /// <summary>PL1007: a key appears twice in one mapping; the span is the second one.</summary>
    /// <param name="span">The second (repeated) key.</param>
    /// <param name="path">Path of the repeated entry.</param>
    /// <param name="key">The key.</param>
    /// <param name="first">Where the first one is.</param>
    public static Diagnostic DuplicateKey(SourceSpan span, string path, string key, LinePosition first) =>
        Error(
            "PL1007",
            span,
            path,
            $"the key '{key}' is already defined at {first}",
            "remove or rename one of the two entries; YAML tools disagree on which one wins");

    /// <summary>PL1008: a key that is a list or a mapping (<c>? [a]</c>, <c>{a: 1}: x</c>).</summary>
    public static Diagnostic KeyNotScalar(SourceSpan span, string path, string kindName) =>
        Error(
            "PL1008",
            span,
            path,
            $"a key must be a name, not {kindName}",
            "write the key as a plain name such as 'api:'; complex keys ('?', lists or mappings as keys) are not used in design files");

    /// <summary>PL1009: the YAML does not parse; the message is the parser's, without its position (we print our own).</summary>
    public static Diagnostic YamlSyntaxError(SourceSpan span, string path, string detail) =>
        Error(
            "PL1009",
            span,
            path,
            $"YAML syntax error: {detail}",
            "check near here: indentation (spaces, not tabs), a ':' and a space after each key, and that every quote and bracket is closed");

    /// <summary>PL1010: a second YAML document (<c>---</c>); a design file holds exactly one.</summary>
    public static Diagnostic MultipleDocuments(SourceSpan span) =>
        Error(
            "PL1010",
            span,
            string.Empty,
            "a second YAML document starts here; a design file holds exactly one",
            "remove this '---' and what follows, or move it to its own file");

    /// <summary>PL1011: no document at all: an empty file, or only whitespace, comments or a lone '---'.</summary>
    public static Diagnostic EmptyFile(SourceSpan span) =>
        Error(
            "PL1011",
            span,
            string.Empty,
            "the file is empty",
            "start from `plumbline init`, which writes a small valid design");

    /// <summary>PL1012: a YAML tag (<c>!foo</c>, <c>!!str</c>, <c>!</c>); a design file needs none.</summary>
    public static Diagnostic TagNotAllowed(SourceSpan span, string path, string tag) =>
        Error(
            "PL1012",
            span,
            path,
            $"the YAML tag '{tag}' is not allowed in a design file",
            "remove the tag; put the value in quotes if you meant it as text");

    /// <summary>
    /// PL1013: a character YAML forbids (a control character such as U+0000 or U+0001, an unpaired surrogate,
    /// U+FFFE/U+FFFF), or a line break YAML tools disagree about (a carriage return without a line feed,
    /// U+0085, U+2028, U+2029).
    /// </summary>
    /// <param name="span">The character.</param>
    /// <param name="character">The UTF-16 unit found.</param>
    /// <param name="loneCarriageReturn">True for a U+000D that is not followed by U+000A.</param>
    public static Diagnostic ForbiddenCharacter(SourceSpan span, char character, bool loneCarriageReturn = false)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"U+{(int)character:X4}");
        var (what, help) = character switch
        {
            '\r' when loneCarriageReturn => (
                "a carriage return (U+000D) without a line feed",
                "save the file with LF or CRLF line endings; a lone CR is an old Mac line ending that editors and YAML tools count differently"),
            '\u0085' or '\u2028' or '\u2029' => (
                $"the line-separator character {code}",
                "replace it with an ordinary line break or a space; YAML tools disagree on whether it ends a line"),
            >= '\uD800' and <= '\uDFFF' => (
                $"an unpaired surrogate {code}",
                "the text is not valid Unicode; re-encode it as UTF-8"),
            '\uFFFE' or '\uFFFF' => (
                $"the non-character {code}",
                "remove it; it is never valid in text"),
            '\0' => (
                "a NUL character (U+0000)",
                "remove it; a NUL usually means the file is binary or UTF-16, so save it as UTF-8 text"),
            _ => (
                $"the control character {code}",
                "remove it; to put it in a value, write it as an escape in a double-quoted string, such as \"\\x01\""),
        };

        return Error("PL1013", span, string.Empty, $"the file contains {what}, which a YAML file must not", help);
    }

    /// <summary>PL1014: an anchor (<c>&amp;name</c>); design files use no anchors (and aliases are PL1004).</summary>
    public static Diagnostic AnchorNotAllowed(SourceSpan span, string path, string anchor) =>
        Error(
            "PL1014",
            span,
            path,
            $"the anchor '&{anchor}' is not allowed in a design file",
            "remove it; design files do not use YAML anchors and aliases, so write repeated values out");

    /// <summary>PL1015: a key that is null: <c>~</c>, <c>null</c> or missing (<c>: value</c>).</summary>
    public static Diagnostic NullKey(SourceSpan span, string path) =>
        Error(
            "PL1015",
            span,
            path,
            "this key is null ('~', 'null' or nothing), so the entry has no name",
            "give the entry a name; put it in quotes (\"null\") if you meant the word itself");

    /// <summary>PL1016: there is no file at the path.</summary>
    public static Diagnostic FileNotFound(SourceSpan span) =>
        Error(
            "PL1016",
            span,
            string.Empty,
            "the file does not exist",
            "check the path; `plumbline init` writes a new design");

    /// <summary>PL1017: the file exists but cannot be read (a directory, no permission, an I/O error).</summary>
    /// <param name="span">The start of the file.</param>
    /// <param name="reason">Why, in a few words ("it is a directory", "permission denied", the I/O error).</param>
    public static Diagnostic FileUnreadable(SourceSpan span, string reason) =>
        Error(
            "PL1017",
            span,
            string.Empty,
            $"the file cannot be read: {reason}",
            "check that the path names a file and that you may read it");
}

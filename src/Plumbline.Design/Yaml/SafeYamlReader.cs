using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;

namespace Plumbline.Design.Yaml;

/// <summary>
/// Reads an untrusted design file's bytes or text into a <see cref="YamlNode"/> tree. Bad input never throws: it becomes
/// PL1xxx diagnostics with a position. Time and memory are bounded by <see cref="YamlLimits"/>: the size is
/// checked before decoding, decoding is strict UTF-8, and the tree is built from parser events in a loop that
/// stops at the first event past the depth or node budget, or at the first alias.
/// </summary>
public static class SafeYamlReader
{
    // Same strictness as Utf8.ToUtf16 below; the encoding is the verified way to decode, the span API only
    // runs after it fails, to find where.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file held in memory (as the server receives it).</summary>
    /// <param name="path">The path to show in diagnostics.</param>
    /// <param name="bytes">The file's bytes, UTF-8 with or without a BOM.</param>
    /// <param name="limits">Limits; <see cref="YamlLimits.Default"/> when null.</param>
    public static YamlReadResult Read(string path, ReadOnlySpan<byte> bytes, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= YamlLimits.Default;

        if (bytes.Length > limits.MaxBytes)
        {
            return Failed(DiagnosticCodes.FileTooLarge(FileStart(path), bytes.Length, limits.MaxBytes));
        }

        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Failed(InvalidUtf8(path, bytes, bytes.Length - body.Length));
        }

        return ReadDecoded(path, text, limits);
    }

    /// <summary>Reads text that is already decoded (tests, the server's editor buffer). A leading BOM is ignored.</summary>
    /// <param name="path">The path to show in diagnostics.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="limits">Limits; <see cref="YamlLimits.Default"/> when null. The size limit applies to the UTF-8 length.</param>
    public static YamlReadResult ReadText(string path, string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        limits ??= YamlLimits.Default;

        // Every char is at least one UTF-8 byte, so a long string is refused without counting.
        if (text.Length > limits.MaxBytes)
        {
            return Failed(DiagnosticCodes.FileTooLarge(FileStart(path), text.Length, limits.MaxBytes, sizeIsLowerBound: true));
        }

        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > limits.MaxBytes)
        {
            return Failed(DiagnosticCodes.FileTooLarge(FileStart(path), byteCount, limits.MaxBytes));
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return ReadDecoded(path, text, limits);
    }

    private static YamlReadResult ReadDecoded(string path, string text, YamlLimits limits)
    {
        var source = new SourceText(path, text);
        if (ForbiddenCharacters.Find(text) is var (offset, loneCr) && offset >= 0)
        {
            var span = new SourceSpan(source, offset, 1);
            return new YamlReadResult(source, null, [DiagnosticCodes.ForbiddenCharacter(span, text[offset], loneCr)]);
        }

        return YamlTreeBuilder.Build(source, limits);
    }

    private static Diagnostic InvalidUtf8(string path, ReadOnlySpan<byte> bytes, int bomLength)
    {
        var body = bytes[bomLength..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(body.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(body, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                // Cannot happen (both decoders follow the same rules); point at the start rather than guess.
                bytesRead = 0;
                charsWritten = 0;
            }

            // The valid prefix is the text, so the span's line:column counts what an editor shows before the bad byte.
            var prefix = new SourceText(path, new string(chars, 0, charsWritten));
            var span = new SourceSpan(prefix, charsWritten, 0);
            var looksLikeUtf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
            var value = bytesRead < body.Length ? body[bytesRead] : (byte)0;
            return DiagnosticCodes.InvalidUtf8(span, value, bomLength + bytesRead, looksLikeUtf16);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A span at 1:1 of a file whose text we do not have, so diagnostics still print the path.</summary>
    private static SourceSpan FileStart(string path) => new(new SourceText(path, string.Empty), 0, 0);

    private static YamlReadResult Failed(Diagnostic diagnostic) => new(null, null, [diagnostic]);
}

using System.Runtime.InteropServices;
using Plumbline.Design.Diagnostics;
using Plumbline.Design.Text;
using Plumbline.Design.Yaml;

namespace Plumbline.Engine.Files;

/// <summary>What reading a file gave: its bytes, or the diagnostic that says why there are none.</summary>
/// <param name="Path">The path as the caller gave it (diagnostics show it unchanged).</param>
/// <param name="Bytes">The file's bytes, or null when it could not be read.</param>
/// <param name="Error">Why it could not be read (PL1001 too large, PL1016 missing, PL1017 unreadable), or null.</param>
public sealed record SourceFileRead(string Path, byte[]? Bytes, Diagnostic? Error)
{
    public bool Success => Bytes is not null;
}

/// <summary>
/// The one way Plumbline reads a file it is given (a design, a team rule file). Every read is bounded by
/// <see cref="YamlLimits.MaxBytes"/>: the length is checked before reading, and reading stops one byte past
/// the limit. Only regular files are read: a directory, a FIFO, a socket or a device is refused before it is
/// opened, so nothing can block the reader or feed it without end. Bad input never throws.
/// </summary>
public static partial class SourceFile
{
    /// <summary>Reads <paramref name="path"/> whole, within <paramref name="limits"/> (<see cref="YamlLimits.Default"/> when null).</summary>
    public static SourceFileRead Read(string path, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= YamlLimits.Default;

        // .NET's own messages for these name the parameter ("The value cannot be an empty string. (Parameter 'path')").
        if (path.Length == 0)
        {
            return Failed(path, DiagnosticCodes.FileUnreadable(FileStart(path), "no file name was given (the path is empty)"));
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return Failed(path, DiagnosticCodes.FileUnreadable(FileStart(path), "the path contains a NUL character, which no file name can"));
        }

        try
        {
            if (Directory.Exists(path))
            {
                return Failed(path, DiagnosticCodes.FileUnreadable(FileStart(path), "it is a directory"));
            }

            if (File.Exists(path) && NotRegular(path) is { } kind)
            {
                return Failed(path, DiagnosticCodes.FileUnreadable(FileStart(path), $"it is {kind}, not a regular file"));
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            long? knownLength = stream.CanSeek ? stream.Length : null;
            if (knownLength > limits.MaxBytes)
            {
                return Failed(path, DiagnosticCodes.FileTooLarge(FileStart(path), knownLength.Value, limits.MaxBytes));
            }

            // One byte more than the limit is enough to tell "too large" even if the file grows meanwhile.
            var cap = (long)limits.MaxBytes + 1;
            var buffer = new byte[(int)Math.Min(cap, knownLength is long k ? k + 1 : 64 * 1024)];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= cap)
                    {
                        return Failed(path, DiagnosticCodes.FileTooLarge(FileStart(path), length, limits.MaxBytes, sizeIsLowerBound: true));
                    }

                    Array.Resize(ref buffer, (int)Math.Min(cap, (long)buffer.Length * 2));
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return new SourceFileRead(path, length == buffer.Length ? buffer : buffer[..length], null);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, DiagnosticCodes.FileNotFound(FileStart(path)));
        }
        catch (UnauthorizedAccessException)
        {
            return Failed(path, DiagnosticCodes.FileUnreadable(FileStart(path), "permission denied"));
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return Failed(path, DiagnosticCodes.FileUnreadable(FileStart(path), ex.Message));
        }
    }

    /// <summary>Reads a YAML file: <see cref="Read"/>, then <see cref="SafeYamlReader.Read"/> on its bytes.</summary>
    public static YamlReadResult ReadYaml(string path, YamlLimits? limits = null)
    {
        var file = Read(path, limits);
        return file.Bytes is { } bytes ? SafeYamlReader.Read(path, bytes, limits) : new YamlReadResult(null, null, [file.Error!]);
    }

    /// <summary>What a path that exists is when it is not a regular file ("a FIFO", "a device"...), or null for a regular file.</summary>
    private static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? "a device" : null;
        }

        // The runtime's own portable stat (the .NET SDK reads it the same way): the mode is the second int of
        // its FileStatus, with the portable S_IFMT bits; the buffer is larger than the struct has ever been.
        Span<byte> status = stackalloc byte[512];
        if (Stat(path, ref MemoryMarshal.GetReference(status)) != 0)
        {
            return null; // Let opening the file report what is wrong with it.
        }

        return (MemoryMarshal.Read<int>(status[4..]) & 0xF000) switch
        {
            0x8000 => null,
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "a special file",
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);

    /// <summary>A span at 1:1 of a file whose text we do not have, so diagnostics still print the path.</summary>
    private static SourceSpan FileStart(string path) => new(new SourceText(path, string.Empty), 0, 0);

    private static SourceFileRead Failed(string path, Diagnostic diagnostic) => new(path, null, diagnostic);
}

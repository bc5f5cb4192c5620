namespace Plumbline.Design.Model;

/// <summary>
/// A name a model record writes from its own fields (<c>api.create</c>, <c>web.home-&gt;api.create</c>), kept once it is
/// written. A name is as long as what it joins, and analysis asks for it many times per operation and call, so each
/// ask writing it again would cost the names' length each time. The cache is no part of the record's value: it is equal
/// to any other, and it checks the fields it was written from, so a copy made with <c>with</c> and other fields writes its own.
/// </summary>
public sealed class NameCache
{
    private Entry? _entry;

    /// <summary>The name written from <paramref name="a"/>, <paramref name="b"/> and <paramref name="c"/> by <paramref name="write"/>, once.</summary>
    public string Get(string a, string b, string c, Func<string, string, string, string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var entry = _entry;
        if (entry is not null && ReferenceEquals(entry.A, a) && ReferenceEquals(entry.B, b) && ReferenceEquals(entry.C, c))
        {
            return entry.Text;
        }

        var text = write(a, b, c);
        _entry = new Entry(a, b, c, text);
        return text;
    }

    public override bool Equals(object? obj) => obj is NameCache;

    public override int GetHashCode() => 0;

    private sealed record Entry(string A, string B, string C, string Text);
}

using System.Text;

namespace Vigil.VulnDb.Versions.Maven;

/// <summary>A list of items: the whole version, or what follows a hyphen or a letter/digit switch.</summary>
internal sealed class MavenListItem : MavenItem
{
    private readonly List<MavenItem> _items = [];

    public override bool IsNull => _items.Count == 0;

    public bool IsEmpty => _items.Count == 0;

    public void Add(MavenItem item) => _items.Add(item);

    /// <summary>Removes trailing null items (0, "", empty lists), looking past nested lists.</summary>
    public void Normalize()
    {
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            var item = _items[i];
            if (item.IsNull)
            {
                _items.RemoveAt(i);
            }
            else if (item is not MavenListItem)
            {
                break;
            }
        }
    }

    public override int CompareTo(MavenItem? other)
    {
        switch (other)
        {
            case null:
                // Compare every item with "nothing", not just the first (MNG-6964).
                foreach (var item in _items)
                {
                    var result = item.CompareTo(null);
                    if (result != 0)
                    {
                        return result;
                    }
                }

                return 0;
            case MavenNumberItem:
                return -1; // 1-1 < 1.0.x
            case MavenStringItem:
                return 1; // 1-1 > 1-sp
            case MavenListItem list:
                for (var i = 0; i < _items.Count || i < list._items.Count; i++)
                {
                    var left = i < _items.Count ? _items[i] : null;
                    var right = i < list._items.Count ? list._items[i] : null;
                    var result = left is null ? -right!.CompareTo(null) : left.CompareTo(right);
                    if (result != 0)
                    {
                        return result;
                    }
                }

                return 0;
            default:
                throw new InvalidOperationException($"Unknown Maven item {other.GetType().Name}.");
        }
    }

    public override void AddTo(ref HashCode hash)
    {
        hash.Add('[');
        foreach (var item in _items)
        {
            item.AddTo(ref hash);
        }

        hash.Add(']');
    }

    /// <summary>Maven's canonical form (<c>1-1.foo-bar-1-baz-0.1</c>).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var item in _items)
        {
            if (builder.Length > 0)
            {
                builder.Append(item is MavenListItem ? '-' : '.');
            }

            builder.Append(item);
        }

        return builder.ToString();
    }
}

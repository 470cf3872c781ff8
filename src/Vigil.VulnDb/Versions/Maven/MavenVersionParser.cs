namespace Vigil.VulnDb.Versions.Maven;

/// <summary>Splits a Maven version into items the way Maven 3's <c>ComparableVersion.parseVersion</c> does.</summary>
internal static class MavenVersionParser
{
    /// <summary>Parses lower-cased <paramref name="version"/> into its normalized item list.</summary>
    public static MavenListItem Parse(string version)
    {
        var root = new MavenListItem();
        var list = root;
        var stack = new Stack<MavenListItem>();
        stack.Push(list);
        var isDigit = false;
        var start = 0;

        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c is '.' or '-')
            {
                list.Add(i == start ? new MavenNumberItem("0") : Item(isDigit, version[start..i]));
                start = i + 1;
                if (c == '-')
                {
                    list = Nest(list, stack);
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    // 1.0.0.X1 < 1.0.0-X2: a qualifier after a dot is treated like one after a hyphen.
                    if (!list.IsEmpty)
                    {
                        list = Nest(list, stack);
                    }

                    list.Add(new MavenStringItem(version[start..i], followedByDigit: true));
                    start = i;
                    list = Nest(list, stack);
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Add(Item(isDigit: true, version[start..i]));
                    start = i;
                    list = Nest(list, stack);
                }

                isDigit = false;
            }
        }

        if (version.Length > start)
        {
            if (!isDigit && !list.IsEmpty)
            {
                list = Nest(list, stack);
            }

            list.Add(Item(isDigit, version[start..]));
        }

        while (stack.Count > 0)
        {
            stack.Pop().Normalize();
        }

        return root;
    }

    private static MavenListItem Nest(MavenListItem list, Stack<MavenListItem> stack)
    {
        var nested = new MavenListItem();
        list.Add(nested);
        stack.Push(nested);
        return nested;
    }

    private static MavenItem Item(bool isDigit, string text) =>
        isDigit ? new MavenNumberItem(text) : new MavenStringItem(text, followedByDigit: false);
}

using ScholarGraph.Graph.Index;

namespace ScholarGraph.Server.GraphQuestions.GraphIndex;

/// <summary>
/// Every author's dense id in the default order of author pages (name, then key), as the store orders them: names compared as
/// UTF-8 (code point order, SQLite's and PostgreSQL's <c>C</c> collation), keys by code unit. Worked out from the names beside the
/// index: sorted in full after a build, and after a write derived from the previous snapshot's order by moving only the authors
/// whose names the write set (a pass over the order, not a sort).
/// </summary>
internal static class AuthorsByName
{
    /// <summary>The order of every author of <paramref name="authors"/>, or null when <paramref name="names"/> lacks a name.</summary>
    public static int[]? Sort(KeyMap authors, IndexedTexts names)
    {
        var order = new int[authors.Count];
        for (var id = 0; id < order.Length; id++)
        {
            if (!names.TryGetUtf8(authors.KeyOf(id), id, out _))
                return null;
            order[id] = id;
        }
        Array.Sort(order, Comparer(authors, names));
        return order;
    }

    /// <summary>
    /// The order after a write that set the names of <paramref name="named"/> (renamed or added authors), from
    /// <paramref name="previous"/>, the order before it; null when some author has no name.
    /// </summary>
    public static int[]? Update(int[] previous, KeyMap authors, IndexedTexts names, IEnumerable<string> named)
    {
        var moved = new HashSet<int>();
        foreach (var key in named)
        {
            if (authors.TryGetId(key, out var id))
                moved.Add(id);
        }
        var comparer = Comparer(authors, names);
        var insert = moved.ToArray();
        foreach (var id in insert)
        {
            if (!names.TryGetUtf8(authors.KeyOf(id), id, out _))
                return null;
        }
        Array.Sort(insert, comparer);

        var order = new int[authors.Count];
        int count = 0, next = 0;
        foreach (var id in previous)
        {
            if (moved.Contains(id))
                continue;
            while (next < insert.Length && comparer.Compare(insert[next], id) < 0)
                order[count++] = insert[next++];
            order[count++] = id;
        }
        while (next < insert.Length)
            order[count++] = insert[next++];
        // An author neither in the previous order nor named by the write (none is expected) would be left out: sort afresh.
        return count == order.Length ? order : Sort(authors, names);
    }

    /// <summary>
    /// The position in <paramref name="order"/> of the first author after name <paramref name="name"/> and key
    /// <paramref name="key"/> (a cursor's values) in the order's sense; <c>order.Length</c> when none is.
    /// </summary>
    public static int FirstAfter(int[] order, KeyMap authors, IndexedTexts names, string name, string key)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(name);
        int low = 0, high = order.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            var id = order[middle];
            var authorKey = authors.KeyOf(id);
            names.TryGetUtf8(authorKey, id, out var authorName);
            var byName = authorName.SequenceCompareTo(utf8);
            if (byName < 0 || byName == 0 && string.CompareOrdinal(authorKey, key) <= 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private static Comparer<int> Comparer(KeyMap authors, IndexedTexts names) => Comparer<int>.Create((a, b) =>
    {
        if (a == b)
            return 0;
        string keyA = authors.KeyOf(a), keyB = authors.KeyOf(b);
        names.TryGetUtf8(keyA, a, out var nameA);
        names.TryGetUtf8(keyB, b, out var nameB);
        var byName = nameA.SequenceCompareTo(nameB);
        return byName != 0 ? byName : string.CompareOrdinal(keyA, keyB);
    });
}

using System.Globalization;
using System.Text;

namespace ScholarGraph.Architecture.Tests.PublicApi;

/// <summary>A line diff for people: the changed lines (<c>-</c> old, <c>+</c> new) with a few lines of context, by longest common subsequence.</summary>
public static class LineDiff
{
    private const int Context = 3;

    public static string Describe(string oldText, string newText)
    {
        var a = oldText.Split('\n');
        var b = newText.Split('\n');

        // Lines alike at both ends are left out of the quadratic part.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
            start++;
        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var ops = new List<(char Kind, string Line, int Old, int New)>();
        for (var i = Math.Max(0, start - Context); i < start; i++)
            ops.Add((' ', a[i], i, i));
        ops.AddRange(Middle(a, b, start, endA, endB));
        for (var i = 0; i < Context && endA + i < a.Length; i++)
            ops.Add((' ', a[endA + i], endA + i, endB + i));

        return Render(ops);
    }

    private static IEnumerable<(char Kind, string Line, int Old, int New)> Middle(string[] a, string[] b, int start, int endA, int endB)
    {
        int n = endA - start, m = endB - start;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                yield return (' ', a[start + x], start + x, start + y);
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                yield return ('-', a[start + x], start + x, start + y);
                x++;
            }
            else
            {
                yield return ('+', b[start + y], start + x, start + y);
                y++;
            }
        }
    }

    // Unchanged lines further than the context from any change are folded into one "@@" line.
    private static string Render(List<(char Kind, string Line, int Old, int New)> ops)
    {
        var near = new bool[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind == ' ')
                continue;
            for (var j = Math.Max(0, i - Context); j <= Math.Min(ops.Count - 1, i + Context); j++)
                near[j] = true;
        }
        var text = new StringBuilder();
        var folded = true;
        for (var i = 0; i < ops.Count; i++)
        {
            if (!near[i])
            {
                folded = true;
                continue;
            }
            if (folded)
                text.Append(CultureInfo.InvariantCulture, $"@@ approved line {ops[i].Old + 1}, received line {ops[i].New + 1} @@\n");
            folded = false;
            text.Append(ops[i].Kind).Append(' ').Append(ops[i].Line).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}

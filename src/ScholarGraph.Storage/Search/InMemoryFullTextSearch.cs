using System.Text;
using Microsoft.EntityFrameworkCore;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Text;

namespace ScholarGraph.Storage.Search;

/// <summary>
/// Search on EF InMemory (tests and throw-away demos): every row's text is read and matched here, with the semantics of the
/// SQL stores: the same words (<see cref="SearchQuery.Words"/>), case and diacritics ignored as SQLite does, phrases as
/// consecutive words within one field, prefixes on the last word, exclusions over every field. A hit's score adds, for each
/// required term, <c>10·n/(n+1)</c> for its <c>n</c> matches in the name or title and <c>m/(m+1)</c> for its <c>m</c> matches in
/// the abstract, so a title match outranks any number of abstract matches, as on SQLite and PostgreSQL.
/// </summary>
internal sealed class InMemoryFullTextSearch : ISearchBackend
{
    public static readonly InMemoryFullTextSearch Instance = new();

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(ScholarGraphDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var hits = await MatchAsync(db, request.Query, request.Kinds, cancellationToken);
        IEnumerable<SearchHit> ordered = hits.OrderByDescending(h => h.Score).ThenBy(h => h.Kind).ThenBy(h => h.Key, StringComparer.Ordinal);
        if (request.After is { } after)
        {
            ordered = ordered.Where(h => h.Score < after.Score || (h.Score == after.Score
                && (h.Kind > after.Kind || (h.Kind == after.Kind && string.CompareOrdinal(h.Key, after.Key) > 0))));
        }
        return ordered.Take(request.Limit).ToList();
    }

    public async Task<int> CountAsync(ScholarGraphDbContext db, SearchQuery query, IReadOnlyCollection<SearchKind> kinds, CancellationToken cancellationToken) =>
        (await MatchAsync(db, query, kinds, cancellationToken)).Count;

    public async Task<IReadOnlyList<AutocompleteSuggestion>> AutocompleteAsync(
        ScholarGraphDbContext db, SearchKind kind, string folded, int limit, CancellationToken cancellationToken) =>
        (await TextsAsync(db, kind, cancellationToken))
            .Where(d => FullTextSearch.FoldAscii(d.Text).StartsWith(folded, StringComparison.Ordinal))
            .OrderBy(d => FullTextSearch.FoldAscii(d.Text), StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(limit).Select(d => new AutocompleteSuggestion(kind, d.Key, d.Text)).ToList();

    private static async Task<List<SearchHit>> MatchAsync(ScholarGraphDbContext db, SearchQuery query, IReadOnlyCollection<SearchKind> kinds, CancellationToken cancellationToken)
    {
        var required = query.Required.Select(Folded).ToList();
        var excluded = query.Excluded.Select(Folded).ToList();
        var hits = new List<SearchHit>();
        foreach (var kind in kinds.Order())
        {
            foreach (var document in await TextsAsync(db, kind, cancellationToken))
            {
                var text = new FieldWords(document.Text);
                var @abstract = new FieldWords(document.Abstract ?? "");
                if (excluded.Any(t => text.Matches(t).Count > 0 || @abstract.Matches(t).Count > 0))
                    continue;
                var score = 0.0;
                var matched = true;
                foreach (var term in required)
                {
                    var n = text.Matches(term).Count;
                    var m = @abstract.Matches(term).Count;
                    if (n + m == 0)
                    {
                        matched = false;
                        break;
                    }
                    score += SearchTable.TextWeight * n / (n + 1.0) + m / (m + 1.0);
                }
                if (!matched)
                    continue;
                var markedText = text.Mark(required, fragment: false);
                var snippet = SqlSearchBackend.Snippet(markedText, document.Abstract is null ? null : @abstract.Mark(required, fragment: true), document.Abstract);
                hits.Add(new SearchHit(kind, document.Key, score, snippet));
            }
        }
        return hits;
    }

    private static async Task<List<(string Key, string Text, string? Abstract)>> TextsAsync(ScholarGraphDbContext db, SearchKind kind, CancellationToken cancellationToken) =>
        kind switch
        {
            SearchKind.Paper => (await db.Papers.AsNoTracking().Select(p => new { p.Id, p.Title, p.Abstract }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.Title, p.Abstract)).ToList(),
            SearchKind.Author => (await db.Authors.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.Name, (string?)null)).ToList(),
            SearchKind.Institution => (await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken))
                .Select(i => (i.Id, i.Name, (string?)null)).ToList(),
            _ => (await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
                .Select(t => (t.Id, t.Name, (string?)null)).ToList(),
        };

    private static SearchTerm Folded(SearchTerm term) => term with { Words = term.Words.Select(DiacriticFolding.Fold).ToList() };

    /// <summary>The words of one field with where each stands in its text.</summary>
    private sealed class FieldWords
    {
        private readonly string _text;
        private readonly List<(int Start, int End, string Word)> _words = [];

        public FieldWords(string text)
        {
            _text = text;
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var inWord = i < text.Length && SearchQuery.IsWordCharacter(text[i]);
                if (inWord && start < 0)
                    start = i;
                else if (!inWord && start >= 0)
                {
                    if (!SearchQuery.IsOnlyMarks(text.AsSpan(start, i - start)))
                        _words.Add((start, i, DiacriticFolding.Fold(text[start..i])));
                    start = -1;
                }
            }
        }

        /// <summary>The index of the first word of each match of <paramref name="term"/>.</summary>
        public List<int> Matches(SearchTerm term)
        {
            var found = new List<int>();
            var count = term.Words.Count;
            for (var i = 0; i + count <= _words.Count; i++)
            {
                var all = true;
                for (var j = 0; j < count && all; j++)
                {
                    var word = _words[i + j].Word;
                    all = term.Prefix && j == count - 1 ? word.StartsWith(term.Words[j], StringComparison.Ordinal) : word == term.Words[j];
                }
                if (all)
                    found.Add(i);
            }
            return found;
        }

        /// <summary>
        /// The text with each match of <paramref name="terms"/> between <see cref="SearchSnippets.Start"/> and
        /// <see cref="SearchSnippets.End"/>; as a <paramref name="fragment"/>, only about <see cref="SearchSnippets.FragmentWords"/>
        /// words from a little before the first match.
        /// </summary>
        public string Mark(IReadOnlyList<SearchTerm> terms, bool fragment)
        {
            var marked = new bool[_words.Count];
            foreach (var term in terms)
            {
                foreach (var first in Matches(term))
                {
                    for (var j = 0; j < term.Words.Count; j++)
                        marked[first + j] = true;
                }
            }
            var from = 0;
            var to = _words.Count;
            if (fragment)
            {
                var firstMatch = Array.IndexOf(marked, true);
                if (firstMatch < 0)
                    return _text;
                from = Math.Max(0, Math.Min(firstMatch - 3, _words.Count - SearchSnippets.FragmentWords));
                to = Math.Min(_words.Count, from + SearchSnippets.FragmentWords);
            }
            if (to <= from)
                return _text;
            var start = fragment ? _words[from].Start : 0;
            var end = fragment ? _words[to - 1].End : _text.Length;
            var text = new StringBuilder(end - start + 16);
            var at = start;
            for (var i = from; i < to; i++)
            {
                if (!marked[i])
                    continue;
                text.Append(_text, at, _words[i].Start - at).Append(SearchSnippets.Start).Append(_text, _words[i].Start, _words[i].End - _words[i].Start).Append(SearchSnippets.End);
                at = _words[i].End;
            }
            text.Append(_text, at, end - at);
            return text.ToString();
        }
    }
}

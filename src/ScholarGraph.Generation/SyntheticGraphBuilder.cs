using System.Globalization;

namespace ScholarGraph.Generation;

/// <summary>
/// Builds the structure of a synthetic scholarly graph: the topic hierarchy, institutions, research communities, then the papers in
/// publication order, each with its community, author list, topics and references to strictly older papers.
/// </summary>
/// <remarks>
/// The model, in brief:
/// <list type="bullet">
/// <item>Publication volume grows by <see cref="GrowthPerYear"/> a year, so later years hold more papers, as in real corpora.</item>
/// <item>Community sizes follow Zipf's law (exponent <see cref="CommunitySizeExponent"/>); three quarters of the communities start
/// publishing at some point in the first 70% of the period rather than at its start.</item>
/// <item>Author list lengths: 1 author 5%, 2: 15%, 3: 20%, 4: 18%, 5: 13%, 6: 9%, 7: 6%, then a power-law tail ∝ k^-3.5 up to
/// <see cref="GeneratorOptions.MaxAuthorsPerPaper"/> (mean about 5).</item>
/// <item>Each place on an author list is a newcomer with the probability that spreads the requested number of authors evenly over
/// all places; otherwise a member of the paper's community (or, with <see cref="GeneratorOptions.CrossCommunityShare"/>, of
/// another community, in the same field with <see cref="SameFieldPartnerShare"/>) chosen with weight <c>1 + papers so far</c>:
/// preferential attachment, which makes papers per author a power law (Lotka's law).</item>
/// <item>With <see cref="PrincipalLastShare"/>, the most prolific author of a list of 3 or more goes last, as a group leader.</item>
/// <item>Each reference goes to the community's older papers (50%), the primary topic's (25%) or any older paper (25%); within
/// that pool to a recent paper (30%) or otherwise with weight <c>1 + citations so far</c>, so citations concentrate on a few
/// papers while most new work cites recent work.</item>
/// <item>Venues (<see cref="GeneratorOptions.Venues"/>) each belong to a field; a community has two home venues in its field, and a
/// paper goes to one of them (75%), another venue of the field (10%), any venue (5%), or none (10%). They are drawn from random
/// streams of their own, so the rest of the graph is what it was without them.</item>
/// </list>
/// </remarks>
internal static class SyntheticGraphBuilder
{
    private const double GrowthPerYear = 0.045;
    private const double CommunitySizeExponent = 0.7;
    private const double SameFieldPartnerShare = 0.7;
    private const double PrincipalLastShare = 0.6;
    private const double InterdisciplinaryCommunityShare = 0.3;
    private const double CoreTopicShare = 0.7;
    private const double SubfieldTopicShare = 0.2;
    private const double AffiliatedShare = 0.75;
    private const double SecondAffiliationShare = 0.12;
    private const double ReferenceSpread = 0.9;
    private const int MaxReferences = 500;
    private const double CommunityReferenceShare = 0.5;
    private const double TopicReferenceShare = 0.25;
    private const double RecentReferenceShare = 0.3;
    private const int ProgressInterval = 4096;
    private const double NoVenueShare = 0.1;
    private const double HomeVenueShare = 0.75;
    private const double FieldVenueShare = 0.1;

    public static SyntheticGraph Build(ResolvedGeneratorOptions options, Action<int>? papersBuilt, CancellationToken cancellationToken)
    {
        var plan = GeneratorRandom.For(options.Seed, GeneratorStream.Plan, 0);
        var topics = PlanTopics(options, plan);
        var institutions = PlanInstitutions(options, plan);
        var communities = PlanCommunities(options, plan);
        var epoch = new DateOnly(options.FirstYear, 1, 1);
        var papers = new PaperBuilder(options, communities, epoch);
        papers.Run(papersBuilt, cancellationToken);
        var (primary, secondary) = PlanAffiliations(options, communities, papers.AuthorCommunity);
        var venues = PlanVenues(options);
        var paperVenue = ChooseVenues(options, communities, venues, papers.Community);
        return new SyntheticGraph
        {
            Options = options,
            Epoch = epoch,
            Topics = topics,
            Institutions = institutions,
            Communities = communities,
            AuthorCommunity = [.. papers.AuthorCommunity],
            AuthorPaperCount = [.. papers.AuthorPaperCount],
            AuthorPrimaryAffiliation = primary,
            AuthorSecondaryAffiliation = secondary,
            PaperDay = papers.Day,
            PaperCommunity = papers.Community,
            AuthorshipStart = papers.AuthorshipStart,
            AuthorshipAuthor = [.. papers.AuthorshipAuthor],
            TopicLinkStart = papers.TopicLinkStart,
            TopicLinkTopic = [.. papers.TopicLinkTopic],
            TopicLinkScore = [.. papers.TopicLinkScore],
            Venues = venues,
            PaperVenue = paperVenue,
            CitationStart = papers.CitationStart,
            CitationTarget = [.. papers.CitationTarget],
        };
    }

    private static TopicRow[] PlanTopics(ResolvedGeneratorOptions options, GeneratorRandom plan)
    {
        var phrases = new PhraseBook(plan);
        var topics = new TopicRow[options.Topics];
        var perField = options.SubfieldsPerField * options.TopicsPerSubfield;
        for (var t = 0; t < topics.Length; t++)
        {
            var field = t / perField;
            var subfield = t / options.TopicsPerSubfield;
            var keyword = phrases.Phrase(t);
            var fieldName = field < Vocabulary.FieldNames.Length
                ? Vocabulary.FieldNames[field]
                : string.Create(CultureInfo.InvariantCulture, $"Field {field + 1}");
            var subfieldName = PhraseBook.TitleCase(phrases.Phrase(options.Topics + subfield));
            var id = string.Create(CultureInfo.InvariantCulture,
                $"topic:f{field + 1}.s{subfield % options.SubfieldsPerField + 1}.t{t % options.TopicsPerSubfield + 1}");
            topics[t] = new TopicRow(id, $"{fieldName} / {subfieldName} / {PhraseBook.TitleCase(keyword)}", keyword, field, subfield);
        }
        return topics;
    }

    // Venues come from streams of their own, so adding them left every other draw (and so the rest of the graph) as it was.
    private static VenueRow[] PlanVenues(ResolvedGeneratorOptions options)
    {
        var plan = GeneratorRandom.For(options.Seed, GeneratorStream.VenuePlan, 0);
        var phrases = new PhraseBook(plan);
        var kinds = new WeightedTable([0.6, 0.3, 0.1]);
        var venues = new VenueRow[options.Venues];
        for (var v = 0; v < venues.Length; v++)
        {
            var field = v % options.Fields;
            var fieldName = field < Vocabulary.FieldNames.Length
                ? Vocabulary.FieldNames[field]
                : string.Create(CultureInfo.InvariantCulture, $"Field {field + 1}");
            var subject = PhraseBook.TitleCase(phrases.Phrase(v));
            var kind = kinds.Sample(plan);
            venues[v] = kind switch
            {
                0 => new VenueRow($"Journal of {fieldName}: {subject}", "journal", field),
                1 => new VenueRow($"Conference on {subject} ({fieldName})", "conference", field),
                _ => new VenueRow($"{fieldName} Archive of {subject}", "repository", field),
            };
        }
        return venues;
    }

    // A tenth of the papers have no venue; of the rest, most go to one of the two home venues of their community (in its field),
    // some to another venue of the field, a few anywhere.
    private static int[] ChooseVenues(ResolvedGeneratorOptions options, CommunityPlan[] communities, VenueRow[] venues, int[] paperCommunity)
    {
        var byField = Enumerable.Range(0, options.Fields).Select(f => Enumerable.Range(0, venues.Length).Where(v => venues[v].Field == f).ToArray()).ToArray();
        var plan = GeneratorRandom.For(options.Seed, GeneratorStream.VenuePlan, 1);
        var home = communities.Select(c => byField[c.Field] is { Length: > 0 } own
            ? new[] { own[plan.Next(own.Length)], own[plan.Next(own.Length)] }
            : new[] { plan.Next(venues.Length), plan.Next(venues.Length) }).ToArray();
        var chosen = new int[paperCommunity.Length];
        for (var paper = 0; paper < chosen.Length; paper++)
        {
            var random = GeneratorRandom.For(options.Seed, GeneratorStream.PaperVenue, paper);
            var community = paperCommunity[paper];
            var draw = random.NextDouble();
            var field = byField[communities[community].Field];
            chosen[paper] = draw < NoVenueShare ? -1
                : draw < NoVenueShare + HomeVenueShare || field.Length == 0 ? home[community][random.Next(2)]
                : draw < NoVenueShare + HomeVenueShare + FieldVenueShare ? field[random.Next(field.Length)]
                : random.Next(venues.Length);
        }
        return chosen;
    }

    private static InstitutionRow[] PlanInstitutions(ResolvedGeneratorOptions options, GeneratorRandom plan)
    {
        var places = Vocabulary.PlacePrefixes.Length * Vocabulary.PlaceSuffixes.Length;
        var distinctNames = places * Vocabulary.InstitutionPatterns.Length;
        var order = Enumerable.Range(0, distinctNames).ToArray();
        plan.Shuffle(order);
        var countries = new WeightedTable(Vocabulary.CountryWeights);
        var institutions = new InstitutionRow[options.Institutions];
        for (var i = 0; i < institutions.Length; i++)
        {
            var combination = order[i % distinctNames];
            var place = combination / Vocabulary.InstitutionPatterns.Length;
            var placeName = Vocabulary.PlacePrefixes[place % Vocabulary.PlacePrefixes.Length]
                + Vocabulary.PlaceSuffixes[place / Vocabulary.PlacePrefixes.Length];
            var name = string.Format(CultureInfo.InvariantCulture,
                Vocabulary.InstitutionPatterns[combination % Vocabulary.InstitutionPatterns.Length], placeName);
            if (i >= distinctNames)
                name = string.Create(CultureInfo.InvariantCulture, $"{name}, Campus {i / distinctNames + 1}");
            institutions[i] = new InstitutionRow(name, Vocabulary.CountryCodes[countries.Sample(plan)]);
        }
        return institutions;
    }

    private static CommunityPlan[] PlanCommunities(ResolvedGeneratorOptions options, GeneratorRandom plan)
    {
        int count = options.Communities, subfields = options.Subfields, perSubfield = options.TopicsPerSubfield;
        var institutionCount = new WeightedTable([0.4, 0.4, 0.2]);
        var institutionSize = WeightedTable.Zipf(options.Institutions, 1.0);
        var foundingCommunities = Math.Max(1, (count + 3) / 4);
        var communities = new CommunityPlan[count];
        for (var c = 0; c < count; c++)
        {
            // Spread communities round-robin over subfields so that the largest ones (lowest c) land in different subfields and,
            // with enough communities, every topic is some community's core topic.
            var subfield = count >= subfields ? c % subfields : (int)((long)c * subfields / count);
            var rank = count >= subfields ? c / subfields : 0;
            var core = Math.Min(perSubfield, 2 + plan.Next(3));
            var topics = new List<int>(core + 1);
            for (var j = 0; j < core; j++)
                topics.Add(subfield * perSubfield + (rank * 2 + j) % perSubfield);
            if (options.Topics > perSubfield && plan.Chance(InterdisciplinaryCommunityShare))
            {
                var elsewhere = plan.Next(options.Topics - perSubfield);
                topics.Add(elsewhere >= subfield * perSubfield ? elsewhere + perSubfield : elsewhere);
            }

            // Every institution hosts some community when there are enough communities; popular ones host several.
            var institutions = new List<int>();
            if (options.Institutions >= count)
            {
                for (var i = c; i < options.Institutions; i += count)
                    institutions.Add(i);
            }
            else
            {
                institutions.Add(c % options.Institutions);
            }
            var wanted = Math.Min(options.Institutions, 1 + institutionCount.Sample(plan));
            for (var attempt = 0; institutions.Count < wanted && attempt < 20; attempt++)
            {
                var candidate = institutionSize.Sample(plan);
                if (!institutions.Contains(candidate))
                    institutions.Add(candidate);
            }

            var weights = Enumerable.Range(0, topics.Count).Select(j => 1.0 / (j + 1)).ToArray();
            var start = c < foundingCommunities ? 0 : plan.NextDouble() * 0.7;
            communities[c] = new CommunityPlan(subfield / options.SubfieldsPerField, subfield, [.. topics], new WeightedTable(weights),
                [.. institutions], start);
        }
        return communities;
    }

    private static (int[] Primary, int[] Secondary) PlanAffiliations(
        ResolvedGeneratorOptions options, CommunityPlan[] communities, List<int> authorCommunity)
    {
        var primary = new int[authorCommunity.Count];
        var secondary = new int[authorCommunity.Count];
        for (var a = 0; a < primary.Length; a++)
        {
            var random = GeneratorRandom.For(options.Seed, GeneratorStream.Affiliations, a);
            var home = communities[authorCommunity[a]].Institutions;
            primary[a] = random.Chance(AffiliatedShare) ? home[random.Next(home.Length)] : -1;
            secondary[a] = -1;
            if (primary[a] >= 0 && random.Chance(SecondAffiliationShare))
            {
                var other = home.Length > 1 && random.Chance(0.5) ? home[random.Next(home.Length)] : random.Next(options.Institutions);
                if (other != primary[a])
                    secondary[a] = other;
            }
        }
        return (primary, secondary);
    }

    /// <summary>The papers pass: mutable state shared by the steps of generating one paper after another.</summary>
    private sealed class PaperBuilder
    {
        private readonly ResolvedGeneratorOptions _options;
        private readonly CommunityPlan[] _communities;
        private readonly GeneratorRandom _random;
        private readonly List<int>[] _communitiesOfField;

        private readonly List<int>[] _members;
        private readonly List<int>[] _memberAuthorships;

        private readonly List<int>[] _communityPapers;
        private readonly List<int>[] _communityCitations;
        private readonly List<int>[] _topicPapers;
        private readonly List<int>[] _topicCitations;
        private readonly List<int> _allCitations = [];
        private int _released;
        private readonly int _epochDays;

        private readonly List<int> _onPaper = [];
        private readonly List<int> _paperTopics = [];
        private readonly HashSet<int> _cited = [];
        private readonly List<int> _citedInOrder = [];

        public PaperBuilder(ResolvedGeneratorOptions options, CommunityPlan[] communities, DateOnly epoch)
        {
            _options = options;
            _communities = communities;
            _random = GeneratorRandom.For(options.Seed, GeneratorStream.PaperStructure, 0);
            var papers = options.Papers;
            _communitiesOfField = Enumerable.Range(0, options.Fields).Select(_ => new List<int>()).ToArray();
            for (var c = 0; c < communities.Length; c++)
                _communitiesOfField[communities[c].Field].Add(c);
            _members = NewLists(communities.Length);
            _memberAuthorships = NewLists(communities.Length);
            _communityPapers = NewLists(communities.Length);
            _communityCitations = NewLists(communities.Length);
            _topicPapers = NewLists(options.Topics);
            _topicCitations = NewLists(options.Topics);

            Day = new int[papers];
            Community = new int[papers];
            AuthorshipStart = new int[papers + 1];
            TopicLinkStart = new int[papers + 1];
            CitationStart = new int[papers + 1];
            AuthorshipAuthor = new List<int>(papers * 5);
            TopicLinkTopic = new List<int>(papers * 2);
            TopicLinkScore = new List<double>(papers * 2);
            CitationTarget = new List<int>((int)Math.Min(1 << 26, papers * options.MeanReferences * 1.1));
            _epochDays = (new DateOnly(options.LastYear + 1, 1, 1).DayNumber) - epoch.DayNumber;
        }

        public int[] Day { get; }
        public int[] Community { get; }
        public int[] AuthorshipStart { get; }
        public List<int> AuthorshipAuthor { get; }
        public int[] TopicLinkStart { get; }
        public List<int> TopicLinkTopic { get; }
        public List<double> TopicLinkScore { get; }
        public int[] CitationStart { get; }
        public List<int> CitationTarget { get; }
        public List<int> AuthorCommunity { get; } = [];
        public List<int> AuthorPaperCount { get; } = [];

        public void Run(Action<int>? papersBuilt, CancellationToken cancellationToken)
        {
            var papers = _options.Papers;
            var teamSizes = PlanTimeline();
            long places = 0;
            foreach (var size in teamSizes)
                places += size;
            var newcomers = _options.Authors;
            var communityChoice = WeightedTable.Zipf(_communities.Length, CommunitySizeExponent);
            var topicCount = new WeightedTable(new double[] { 0.30, 0.35, 0.22, 0.13 }[..Math.Min(4, _options.Topics)]);

            for (var p = 0; p < papers; p++)
            {
                if (p % ProgressInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (p > 0)
                        papersBuilt?.Invoke(p);
                }
                var time = (double)Day[p] / _epochDays;
                var home = ChooseCommunity(communityChoice, time);
                Community[p] = home;

                AuthorshipStart[p] = AuthorshipAuthor.Count;
                ChooseAuthors(home, teamSizes[p], ref places, ref newcomers);

                TopicLinkStart[p] = TopicLinkTopic.Count;
                ChooseTopics(home, 1 + topicCount.Sample(_random));

                Release(p);
                CitationStart[p] = CitationTarget.Count;
                ChooseReferences(home, TopicLinkTopic[TopicLinkStart[p]]);
            }
            AuthorshipStart[papers] = AuthorshipAuthor.Count;
            TopicLinkStart[papers] = TopicLinkTopic.Count;
            CitationStart[papers] = CitationTarget.Count;
            papersBuilt?.Invoke(papers);
        }

        /// <summary>
        /// Dates papers by inverting the cumulative volume of exponentially growing output, so paper index and date rise together, and
        /// draws every author list length up front: spreading newcomers evenly needs the total number of places.
        /// </summary>
        private int[] PlanTimeline()
        {
            var papers = _options.Papers;
            var growth = GrowthPerYear * (_options.LastYear - _options.FirstYear + 1);
            var teamSize = TeamSizeTable(_options.MaxAuthorsPerPaper);
            var sizes = new int[papers];
            for (var p = 0; p < papers; p++)
            {
                var share = (p + 0.5) / papers;
                var time = Math.Log(1 + share * (Math.Exp(growth) - 1)) / growth;
                Day[p] = Math.Min(_epochDays - 1, (int)(time * _epochDays));
                if (p > 0 && Day[p] < Day[p - 1])
                    Day[p] = Day[p - 1];
                sizes[p] = 1 + teamSize.Sample(_random);
            }
            return sizes;
        }

        private static WeightedTable TeamSizeTable(int max)
        {
            double[] body = [0.05, 0.15, 0.20, 0.18, 0.13, 0.09, 0.06];
            var weights = new double[max];
            for (var k = 1; k <= max; k++)
                weights[k - 1] = k <= body.Length ? body[k - 1] : body[^1] * Math.Pow((double)body.Length / k, 3.5);
            return new WeightedTable(weights);
        }

        private int ChooseCommunity(WeightedTable communityChoice, double time)
        {
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var c = communityChoice.Sample(_random);
                if (_communities[c].StartTime <= time)
                    return c;
            }
            return 0;
        }

        private void ChooseAuthors(int home, int size, ref long places, ref int newcomers)
        {
            _onPaper.Clear();
            for (var place = 0; place < size; place++)
            {
                var author = -1;
                for (var attempt = 0; attempt < 8 && author < 0; attempt++)
                {
                    if (newcomers > 0 && _random.NextDouble() * places < newcomers)
                        author = Newcomer(home, ref newcomers);
                    else if (_communities.Length > 1 && _random.Chance(_options.CrossCommunityShare))
                        author = Member(Partner(home));
                    else
                        author = Member(home);
                    if (author < 0)
                        author = newcomers > 0 ? Newcomer(home, ref newcomers) : _random.Next(AuthorCommunity.Count);
                    if (_onPaper.Contains(author))
                        author = -1;
                }
                places--;
                if (author >= 0)
                    _onPaper.Add(author);
            }

            if (_onPaper.Count >= 3 && _random.Chance(PrincipalLastShare))
            {
                var leader = 0;
                for (var i = 1; i < _onPaper.Count; i++)
                {
                    if (AuthorPaperCount[_onPaper[i]] > AuthorPaperCount[_onPaper[leader]])
                        leader = i;
                }
                var leaderAuthor = _onPaper[leader];
                _onPaper.RemoveAt(leader);
                _onPaper.Add(leaderAuthor);
            }

            foreach (var author in _onPaper)
            {
                AuthorshipAuthor.Add(author);
                AuthorPaperCount[author]++;
                _memberAuthorships[AuthorCommunity[author]].Add(author);
            }
        }

        private int Newcomer(int community, ref int newcomers)
        {
            newcomers--;
            var author = AuthorCommunity.Count;
            AuthorCommunity.Add(community);
            AuthorPaperCount.Add(0);
            _members[community].Add(author);
            return author;
        }

        /// <summary>A member of <paramref name="community"/> with weight 1 + papers so far, or -1 if it has none yet.</summary>
        private int Member(int community)
        {
            var members = _members[community];
            var authorships = _memberAuthorships[community];
            if (members.Count == 0)
                return -1;
            var pick = _random.Next(members.Count + authorships.Count);
            return pick < members.Count ? members[pick] : authorships[pick - members.Count];
        }

        private int Partner(int home)
        {
            var sameField = _communitiesOfField[_communities[home].Field];
            var partner = sameField.Count > 1 && _random.Chance(SameFieldPartnerShare)
                ? sameField[_random.Next(sameField.Count)]
                : _random.Next(_communities.Length);
            return partner == home ? (home + 1) % _communities.Length : partner;
        }

        private void ChooseTopics(int home, int count)
        {
            var community = _communities[home];
            var perSubfield = _options.TopicsPerSubfield;
            _paperTopics.Clear();
            _paperTopics.Add(community.Topics[community.TopicChoice.Sample(_random)]);
            for (var attempt = 0; _paperTopics.Count < count && attempt < 20; attempt++)
            {
                var kind = _random.NextDouble();
                var topic = kind < CoreTopicShare ? community.Topics[community.TopicChoice.Sample(_random)]
                    : kind < CoreTopicShare + SubfieldTopicShare ? community.Subfield * perSubfield + _random.Next(perSubfield)
                    : _random.Next(_options.Topics);
                if (!_paperTopics.Contains(topic))
                    _paperTopics.Add(topic);
            }

            // Scores fall from the primary topic down, as a classifier's ranked output would; three decimals keep files small.
            var score = Math.Round(0.75 + 0.25 * _random.NextDouble(), 3);
            foreach (var topic in _paperTopics)
            {
                TopicLinkTopic.Add(topic);
                TopicLinkScore.Add(Math.Max(0.001, score));
                score = Math.Round(Math.Max(0.01, score * (0.45 + 0.5 * _random.NextDouble())), 3);
            }
        }

        /// <summary>Makes citable every paper dated strictly before paper <paramref name="paper"/>.</summary>
        private void Release(int paper)
        {
            while (_released < paper && Day[_released] < Day[paper])
            {
                var older = _released++;
                _communityPapers[Community[older]].Add(older);
                _topicPapers[TopicLinkTopic[TopicLinkStart[older]]].Add(older);
            }
        }

        private void ChooseReferences(int home, int primaryTopic)
        {
            if (_released == 0 || _options.MeanReferences <= 0)
                return;
            var median = _options.MeanReferences / Math.Exp(ReferenceSpread * ReferenceSpread / 2);
            var wanted = (int)Math.Min(Math.Min(MaxReferences, _released), median * Math.Exp(ReferenceSpread * _random.NextNormal()) + 0.5);

            _cited.Clear();
            _citedInOrder.Clear();
            for (var attempt = 0; _cited.Count < wanted && attempt < wanted * 4 + 8; attempt++)
            {
                var pool = _random.NextDouble();
                var (papers, citations) = pool < CommunityReferenceShare ? (_communityPapers[home], _communityCitations[home])
                    : pool < CommunityReferenceShare + TopicReferenceShare ? (_topicPapers[primaryTopic], _topicCitations[primaryTopic])
                    : (null, _allCitations);
                var cited = papers is { Count: > 0 } ? Cited(papers, citations) : Cited(null, _allCitations);
                if (_cited.Add(cited))
                    _citedInOrder.Add(cited);
            }
            _citedInOrder.Sort();
            foreach (var cited in _citedInOrder)
            {
                CitationTarget.Add(cited);
                _allCitations.Add(cited);
                _communityCitations[Community[cited]].Add(cited);
                _topicCitations[TopicLinkTopic[TopicLinkStart[cited]]].Add(cited);
            }
        }

        /// <summary>
        /// A recent paper of the pool, or one with weight 1 + citations so far. A null <paramref name="papers"/> stands for every
        /// released paper, which are the indices below <see cref="_released"/>.
        /// </summary>
        private int Cited(List<int>? papers, List<int> citations)
        {
            var count = papers?.Count ?? _released;
            int At(int i) => papers is null ? i : papers[i];
            if (_random.Chance(RecentReferenceShare))
                return At(count - 1 - _random.Next(Math.Min(count, 10 + count / 10)));
            var pick = _random.Next(count + citations.Count);
            return pick < count ? At(pick) : citations[pick - count];
        }

        private static List<int>[] NewLists(int count)
        {
            var lists = new List<int>[count];
            for (var i = 0; i < count; i++)
                lists[i] = [];
            return lists;
        }
    }
}

/// <summary>
/// Unique, plausible two-word phrases ("sparse flows", "causal inference") in a seeded order; past the 48 × 64 pairs a further
/// modifier is put in front.
/// </summary>
internal sealed class PhraseBook
{
    private readonly int[] _order;

    public PhraseBook(GeneratorRandom random)
    {
        _order = Enumerable.Range(0, Vocabulary.Modifiers.Length * Vocabulary.Subjects.Length).ToArray();
        random.Shuffle(_order);
    }

    public string Phrase(int index)
    {
        var modifiers = Vocabulary.Modifiers.Length;
        var pair = _order[index % _order.Length];
        var phrase = $"{Vocabulary.Modifiers[pair % modifiers]} {Vocabulary.Subjects[pair / modifiers]}";
        var round = index / _order.Length;
        return round == 0 ? phrase : $"{Vocabulary.Modifiers[(pair % modifiers + round) % modifiers]} {phrase}";
    }

    public static string TitleCase(string phrase)
    {
        var chars = phrase.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-')
                chars[i] = char.ToUpperInvariant(chars[i]);
        }
        return new string(chars);
    }
}

namespace ScholarGraph.Graph.Indicators;

/// <summary>
/// Kleinberg's burst detection over batched counts (Kleinberg 2002, "Bursty and hierarchical structure in streams", KDD; the
/// "enumerating" model of section 4), with two states, as CiteSpace uses it: in each batch t, r_t of d_t events are relevant, and
/// the automaton is either in the base state (rate p_0) or bursting (rate p_1 = s · p_0).
/// </summary>
/// <remarks>
/// <para>
/// p_0 = Σ r_t / Σ d_t, p_1 = min(s · p_0, <see cref="MaxBurstRate"/>). The cost of state i in batch t is
/// σ_i(t) = −ln( C(d_t, r_t) · p_i^r_t · (1 − p_i)^(d_t − r_t) ); entering the burst state costs γ · ln n for n batches, leaving
/// it costs nothing. The state sequence of least total cost (Viterbi, starting in the base state) is found; each maximal run of
/// burst states [a, b] is a burst of weight Σ_{t=a..b} (σ_0(t) − σ_1(t)), the cost it saves, at least γ · ln n (else staying in the base state would cost less). The binomial term
/// is the same in both states, so it drops out. A batch with d_t = 0 costs nothing in either state.
/// </para>
/// <para>Costs O(n) time and memory.</para>
/// </remarks>
public static class BurstDetection
{
    /// <summary>s, the ratio of the burst rate to the base rate, when none is given.</summary>
    public const double DefaultScale = 2;

    /// <summary>γ, the cost of entering the burst state in units of ln n, when none is given.</summary>
    public const double DefaultGamma = 1;

    /// <summary>The highest burst rate: p_1 must stay below 1 for a batch with irrelevant events to have a finite cost.</summary>
    public const double MaxBurstRate = 0.999999;

    /// <summary>The bursts of a sequence of batches, in order.</summary>
    /// <param name="relevant">r_t, relevant events per batch; each at least 0 and at most its total.</param>
    /// <param name="total">d_t, all events per batch, at the same positions.</param>
    /// <param name="s">The ratio of the burst rate to the base rate, above 1; default <see cref="DefaultScale"/>.</param>
    /// <param name="gamma">γ, at least 0; default <see cref="DefaultGamma"/>.</param>
    /// <returns>The bursts, by batch positions (inclusive); empty when no event is relevant.</returns>
    public static IReadOnlyList<Burst> Detect(ReadOnlySpan<int> relevant, ReadOnlySpan<int> total, double s = DefaultScale, double gamma = DefaultGamma)
    {
        if (relevant.Length != total.Length)
        {
            throw new ArgumentException("Give one total per batch.", nameof(total));
        }

        if (!(s > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(s), s, "must be above 1");
        }

        if (!(gamma >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "must be at least 0");
        }

        long relevantSum = 0, totalSum = 0;
        for (var t = 0; t < relevant.Length; t++)
        {
            if (relevant[t] < 0 || relevant[t] > total[t])
            {
                throw new ArgumentOutOfRangeException(nameof(relevant), relevant[t], $"batch {t}: must be from 0 to its total {total[t]}");
            }

            relevantSum += relevant[t];
            totalSum += total[t];
        }

        if (relevantSum == 0)
        {
            return [];
        }

        var n = relevant.Length;
        var p0 = (double)relevantSum / totalSum;
        var p1 = Math.Min(s * p0, MaxBurstRate);
        if (p1 <= p0)
        {
            return [];
        }

        var enter = gamma * Math.Log(n);
        var saving = new double[n];
        for (var t = 0; t < n; t++)
        {
            saving[t] = Cost(p0, relevant[t], total[t]) - Cost(p1, relevant[t], total[t]);
        }

        // Viterbi over two states: cost[i] is the least cost of batches 0..t ending in state i; from[t, i] the state before it.
        var fromBase = new bool[n];
        var fromBurst = new bool[n];
        double baseCost = 0, burstCost = double.PositiveInfinity;
        for (var t = 0; t < n; t++)
        {
            var baseHere = Cost(p0, relevant[t], total[t]);
            var burstHere = baseHere - saving[t];
            // Into the base state: from the base state, or leaving a burst for free. Into the burst state: staying, or entering.
            var toBase = Math.Min(baseCost, burstCost);
            fromBase[t] = burstCost < baseCost;
            var stay = burstCost;
            var enterHere = baseCost + enter;
            // On a tie the burst starts later (and below, ends sooner): a batch that saves nothing is not part of it.
            fromBurst[t] = stay < enterHere;
            var toBurst = Math.Min(stay, enterHere);
            baseCost = toBase + baseHere;
            burstCost = toBurst + burstHere;
        }

        var states = new bool[n];
        var state = burstCost < baseCost;
        for (var t = n - 1; t >= 0; t--)
        {
            states[t] = state;
            state = state ? fromBurst[t] : fromBase[t];
        }

        var bursts = new List<Burst>();
        for (var t = 0; t < n; t++)
        {
            if (!states[t])
            {
                continue;
            }

            var start = t;
            var weight = 0.0;
            while (t < n && states[t])
            {
                weight += saving[t++];
            }

            bursts.Add(new Burst(start, t - 1, weight));
        }

        return bursts;
    }

    // −ln(p^r (1 − p)^(d − r)), the binomial coefficient left out (it is the same for every state).
    private static double Cost(double p, int r, int d) => -(r * Math.Log(p) + (d - r) * Math.Log(1 - p));
}

/// <summary>A burst of a sequence of batches.</summary>
/// <param name="Start">The first batch in the burst state.</param>
/// <param name="End">The last batch in the burst state (inclusive).</param>
/// <param name="Weight">The cost the burst state saves over its batches, Σ (σ_0 − σ_1); higher is stronger.</param>
public readonly record struct Burst(int Start, int End, double Weight);

namespace ScholarGraph.Generation;

// The fixed word lists synthetic text is built from. Changing any list changes what a seed generates, so append only with care.
// Everything is ASCII so that JSON needs no escapes and names sort the same everywhere.
internal static class Vocabulary
{
    public static readonly string[] FieldNames =
    [
        "Computer Science", "Mathematics", "Physics and Astronomy", "Engineering", "Medicine", "Molecular Biology", "Chemistry",
        "Materials Science", "Earth and Planetary Sciences", "Environmental Science", "Neuroscience", "Psychology", "Economics",
        "Social Sciences", "Agricultural Sciences", "Energy", "Immunology", "Pharmacology", "Decision Sciences", "Linguistics",
        "Business and Management", "Chemical Engineering", "Public Health", "Ecology", "Statistics", "Arts and Humanities",
    ];

    // Topic and subfield phrases are "<modifier> <subject>"; 48 × 64 combinations before a second modifier is needed.
    public static readonly string[] Modifiers =
    [
        "adaptive", "stochastic", "nonlinear", "spectral", "sparse", "robust", "distributed", "quantum", "molecular", "cellular",
        "statistical", "causal", "dynamic", "thermal", "optical", "genomic", "neural", "computational", "structural", "bayesian",
        "topological", "metabolic", "geometric", "probabilistic", "multiscale", "hierarchical", "federated", "synthetic", "ecological",
        "clinical", "catalytic", "semantic", "collective", "temporal", "variational", "kinetic", "acoustic", "photonic", "elastic",
        "magnetic", "atmospheric", "cognitive", "evolutionary", "combinatorial", "algebraic", "differential", "inverse", "generative",
    ];

    public static readonly string[] Subjects =
    [
        "networks", "transport", "dynamics", "inference", "estimation", "signaling", "materials", "imaging", "control",
        "optimization", "learning", "sensing", "circuits", "sequencing", "turbulence", "memory", "language models", "graphs",
        "representations", "kernels", "manifolds", "flows", "scattering", "assembly", "regulation", "forecasting", "retrieval",
        "reasoning", "segmentation", "simulation", "spectroscopy", "lattices", "polymers", "membranes", "enzymes", "proteomics",
        "epidemiology", "markets", "auctions", "games", "codes", "cryptography", "compilers", "databases", "robotics", "vision",
        "acoustics", "plasmas", "fluids", "crystals", "catalysis", "batteries", "photovoltaics", "climate models", "hydrology",
        "soils", "microbiomes", "vaccines", "tumors", "synapses", "cortex", "behavior", "cognition", "surveys",
    ];

    public static readonly string[] ApproachQualities =
    [
        "lightweight", "scalable", "principled", "unified", "modular", "data-efficient", "self-supervised", "provably convergent",
        "interpretable", "end-to-end", "physics-informed", "graph-based", "kernel-based", "attention-based", "sampling-based",
        "low-rank", "multi-stage", "training-free", "uncertainty-aware", "open-source",
    ];

    public static readonly string[] ApproachKinds =
    [
        "framework", "estimator", "solver", "architecture", "protocol", "algorithm", "benchmark", "pipeline", "model",
        "approximation", "decomposition", "regularizer", "sampler", "embedding", "scheduler", "assay",
    ];

    public static readonly string[] Properties =
    [
        "stability", "robustness", "identifiability", "expressivity", "sample complexity", "limits", "geometry", "scaling behaviour",
        "convergence", "reproducibility",
    ];

    public static readonly string[] Conditions =
    [
        "distribution shift", "limited supervision", "noisy measurements", "resource constraints", "extreme scales",
        "partial observability", "adversarial perturbations", "missing data",
    ];

    public static readonly string[] Scales =
    [
        "billions of parameters", "continental scales", "long horizons", "millions of samples", "high dimensions",
        "single-cell resolution", "real-time budgets", "planetary data",
    ];

    public static readonly string[] Contributions =
    [
        "couples {0} with explicit uncertainty estimates", "cuts the cost of inference by an order of magnitude",
        "needs no task-specific tuning", "comes with finite-sample guarantees", "exploits structure shared with {0}",
        "stays stable under distribution shift", "transfers across settings without retraining", "makes {0} tractable at scale",
    ];

    public static readonly string[] EvaluationSettings = ["benchmarks", "datasets", "field studies", "simulated settings", "cohorts", "case studies"];

    public static readonly string[] Metrics = ["accuracy", "calibration", "recall", "robustness", "throughput", "sample efficiency"];

    public static readonly string[] Baselines = ["strong baselines", "the previous state of the art", "classical methods", "recent alternatives"];

    public static readonly string[] FirstNames =
    [
        "Ada", "Amara", "Anil", "Aiko", "Bruno", "Beatriz", "Chen", "Chiara", "Dmitri", "Dalia", "Emeka", "Elif", "Farah", "Felix",
        "Gustavo", "Grace", "Hiroshi", "Hana", "Ibrahim", "Ines", "Jun", "Johanna", "Kwame", "Kavya", "Lars", "Leila", "Mateo",
        "Mei", "Nikhil", "Nadia", "Olu", "Olga", "Pedro", "Priya", "Quentin", "Qing", "Rahul", "Rosa", "Stefan", "Sakura", "Tomas",
        "Thandiwe", "Umar", "Uma", "Viktor", "Valentina", "Wei", "Wanjiru", "Xavier", "Xin", "Yusuf", "Yara", "Zoltan", "Zainab",
        "Arjun", "Bianca", "Carlos", "Daria", "Erik", "Fatima", "Goran", "Hye-jin", "Ivan", "Jana",
    ];

    public static readonly string[] LastNames =
    [
        "Okafor", "Silva", "Tanaka", "Kowalski", "Nguyen", "Rossi", "Haddad", "Moreau", "Schmidt", "Kim", "Patel", "Garcia",
        "Ivanova", "Mensah", "Lindqvist", "Chen", "Kaur", "Yilmaz", "Novak", "Fischer", "Dubois", "Sato", "Okonkwo", "Fernandes",
        "Larsen", "Petrov", "Mwangi", "Costa", "Bauer", "Wang", "Reddy", "Hosseini", "Andersen", "Lopez", "Abe", "Kuznetsov",
        "Osei", "Ricci", "Weber", "Zhang", "Iyer", "Demir", "Horvat", "Meyer", "Lefebvre", "Suzuki", "Adeyemi", "Carvalho",
        "Nielsen", "Volkov", "Kamau", "Bianchi", "Wagner", "Liu", "Menon", "Rahimi", "Berg", "Torres", "Ito", "Sokolov", "Boateng",
        "Marino", "Hoffmann", "Zhao", "Nair", "Aydin", "Kralj", "Schulz", "Girard", "Watanabe", "Eze", "Pereira", "Holm", "Orlov",
        "Njoroge", "Greco", "Koch", "Huang", "Pillai", "Karimi", "Strand", "Ramos", "Kobayashi", "Popescu", "Asante", "Moretti",
    ];

    public static readonly string[] PlacePrefixes =
    [
        "Nor", "Ash", "Val", "Bel", "Kar", "Lin", "Mar", "Ost", "Riv", "Sol", "Tam", "Wes", "Cal", "Dun", "Eld", "Fair", "Glen",
        "Hal", "Iver", "Jor", "Kel", "Lor", "Mid", "Pen",
    ];

    public static readonly string[] PlaceSuffixes =
    [
        "ford", "haven", "mont", "bridge", "dale", "wick", "stad", "berg", "ton", "mouth", "field", "port", "by", "holm", "gate",
        "mere", "crest", "stone", "vale", "burg", "ridge", "more", "wood", "sund",
    ];

    // {0} is the place name.
    public static readonly string[] InstitutionPatterns =
    [
        "University of {0}", "{0} Institute of Technology", "{0} Research Center", "{0} Polytechnic", "{0} College",
        "{0} Medical School",
    ];

    public static readonly string[] CountryCodes = ["US", "CN", "GB", "DE", "JP", "FR", "IN", "CA", "IT", "AU", "KR", "NL", "ES", "CH", "BR", "SE", "IL", "SG", "PL", "ZA"];

    // Rough shares of research output, largest first, so a few countries dominate as in real bibliographic data.
    public static readonly double[] CountryWeights = [20, 18, 7, 6, 5, 4, 5, 4, 3, 3, 3, 2, 2, 2, 2, 1.5, 1, 1, 1, 1];
}

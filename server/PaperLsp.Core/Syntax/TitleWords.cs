using System.Runtime.CompilerServices;

namespace PaperLsp.Syntax;

/// <summary>
/// Closed word lists about titles: words that are common in paper titles (Models, Learning, Networks) and rare as
/// name parts, endings that make words (-tion, -ness), and short words that end CamelCase title words (ImageNet, GitHub).
/// Words that are also frequent name parts (Long, Young, Song, Can, Do, An, Field, Hope, Deep) are left out on purpose.
/// </summary>
internal static class TitleWords
{
    internal static readonly WordSet Common = new(ignoreCase: true,
    [
        "a", "the", "of", "for", "and", "with", "in", "on", "to", "from", "by", "at", "as", "is", "are", "into", "over", "under", "through",
        "without", "beyond", "across", "via", "towards", "toward", "using", "based", "or", "vs", "not", "all", "you", "need", "your", "we",
        "our", "what", "how", "why", "when", "does", "more", "less", "better", "new", "novel", "simple", "general", "its", "their", "is",
        "model", "models", "modeling", "modelling", "learning", "learner", "learners", "network", "networks", "neural", "language", "languages",
        "large", "system", "systems", "data", "dataset", "datasets", "benchmark", "benchmarks", "benchmarking", "framework", "frameworks",
        "analysis", "approach", "approaches", "method", "methods", "generation", "detection", "recognition", "segmentation", "classification",
        "prediction", "estimation", "optimization", "reasoning", "reinforcement", "transformer", "transformers", "attention", "diffusion",
        "graph", "graphs", "vision", "visual", "image", "images", "video", "videos", "text", "speech", "audio", "multimodal", "multi",
        "agent", "agents", "agentic", "robot", "robots", "robotic", "robotics", "control", "controller", "planning", "policy", "policies",
        "dynamic", "dynamics", "adaptive", "efficient", "robust", "robustness", "scalable", "fast", "real", "time", "world", "human",
        "humans", "aware", "guided", "driven", "free", "shot", "zero", "few", "self", "supervised", "unsupervised", "training", "inference",
        "retrieval", "augmented", "fine", "tuning", "alignment", "evaluation", "evaluating", "study", "survey", "review", "understanding",
        "representation", "representations", "embedding", "embeddings", "knowledge", "semantic", "semantics", "structure", "structured",
        "generative", "adversarial", "contrastive", "federated", "distributed", "privacy", "security", "attack", "attacks", "defense",
        "safety", "medical", "clinical", "autonomous", "driving", "navigation", "manipulation", "simulation", "simulator", "spatial",
        "temporal", "spatiotemporal", "geometric", "point", "cloud", "clouds", "scene", "scenes", "object", "objects", "task", "tasks",
        "prompt", "prompting", "prompts", "token", "tokens", "memory", "search", "optimal", "stochastic", "probabilistic", "causal",
        "inverse", "quantum", "linear", "nonlinear", "theory", "theoretical", "algorithm", "algorithms", "problem", "problems", "solving",
        "solver", "solvers", "design", "tool", "tools", "application", "applications", "challenge", "challenges", "perspective",
        "perspectives", "generalization", "universal", "unified", "open", "domain", "cross", "transfer", "continual", "online", "offline",
        "active", "interactive", "feature", "features", "fusion", "tracking", "localization", "mapping", "sensing", "energy", "forecasting",
        "series", "signal", "signals", "sparse", "dense", "resolution", "quality", "assessment", "efficiency", "performance", "accuracy",
        "uncertainty", "explainable", "interpretable", "interpretability", "explanation", "explanations", "fairness", "bias", "social",
        "user", "users", "software", "program", "programs", "programming", "hardware", "mobile", "wireless", "communication",
        "communications", "channel", "sensor", "sensors", "environment", "environments", "exploration", "interaction", "interactions",
        "decision", "making", "mixture", "experts", "expert", "sampling", "samples", "pruning", "compression", "quantization",
        "distillation", "architecture", "architectures", "layer", "layers", "latent", "space", "spaces", "manifold", "kernel", "kernels",
        "function", "functions", "loss", "gradient", "gradients", "descent", "convergence", "bounds", "complexity", "matrix", "tensor",
        "operator", "operators", "equation", "equations", "differential", "physics", "physical", "informed", "molecular", "protein",
        "proteins", "cells", "brain", "health", "patient", "patients", "disease", "cancer", "diagnosis", "imaging", "financial", "market",
        "markets", "economic", "legal", "question", "questions", "answering", "dialogue", "conversational", "instruction", "instructions",
        "following", "summarization", "translation", "machine", "machines", "intelligence", "artificial", "automated", "automatic",
        "anomaly", "monitoring", "management", "scheduling", "allocation", "resource", "resources", "traffic", "vehicle", "vehicles",
        "aerial", "satellite", "remote", "climate", "weather", "urban", "learned", "deployment", "inspired", "enhanced", "aided",
        "assisted", "oriented", "level", "scale", "grained", "modal", "view", "views", "shape", "motion", "pose", "depth", "estimation",
        "editing", "synthesis", "reconstruction", "rendering", "detector", "encoder", "decoder", "encoders", "tuned", "trained",
        "pretrained", "pretraining", "reward", "rewards", "preference", "preferences", "feedback", "verification", "testing", "test",
        "tests", "bench", "suite", "toolkit", "library", "platform", "pipeline", "pipelines", "strategy", "strategies", "mechanism",
        "mechanisms", "process", "processes", "processing", "modeling", "analytics", "insights", "lessons", "evidence", "case",
        "approximation", "regression", "clustering", "classifier", "classifiers", "networked", "multiagent", "llm", "llms", "gpt", "report", "technical", "query", "queries", "objective", "objectives", "support", "format", "formats",
    ]);

    /// <summary>
    /// Short words that end CamelCase title words (ImageNet, GitHub, AlphaGo, AutoGen). When a header could end its title
    /// with such a fragment or start a name with it (ImageNet|Oliver vs Image|NetOliver), the word wins.
    /// </summary>
    internal static readonly WordSet Short = new(ignoreCase: true,
    [
        "a", "i", "ad", "ai", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
        "of", "ok", "on", "or", "so", "to", "up", "us", "we", "act", "add", "age", "aid", "aim", "air", "all", "any", "app",
        "arc", "are", "arm", "art", "ask", "bag", "bar", "bed", "bee", "big", "bin", "bio", "bit", "bot", "box", "bug", "bus",
        "buy", "cab", "cam", "can", "cap", "car", "cat", "cut", "day", "den", "det", "dev", "dex", "dim", "dna", "doc", "dog",
        "dot", "dry", "due", "ear", "eco", "egg", "end", "era", "eval", "eye", "fab", "fan", "far", "fed", "few", "fig", "fin",
        "fit", "fix", "flo", "fly", "for", "fox", "fun", "gan", "gap", "gas", "gen", "geo", "get", "gpt", "gym", "hat", "hit",
        "hop", "hot", "how", "hub", "ice", "ink", "ion", "jet", "job", "joy", "key", "kid", "kit", "lab", "law", "lay", "led",
        "leg", "let", "lib", "lid", "lip", "lit", "log", "lot", "low", "man", "map", "mat", "max", "med", "mem", "mix", "mob",
        "mod", "mol", "net", "new", "nav", "not", "now", "nut", "oak", "odd", "off", "oil", "old", "one", "ops", "opt", "our",
        "out", "own", "pad", "pal", "pay", "pen", "per", "pet", "pie", "pin", "pix", "pod", "pop", "pro", "put", "ray", "rec",
        "red", "ref", "rel", "rep", "res", "rid", "rl", "rod", "row", "run", "sat", "saw", "say", "sci", "sea", "see", "seg",
        "set", "sim", "sky", "spy", "sum", "sun", "tab", "tag", "tan", "tap", "tax", "tea", "ten", "the", "tie", "tip", "toe",
        "tok", "ton", "too", "top", "toy", "try", "two", "use", "val", "via", "vid", "vit", "viz", "war", "way", "web", "wet",
        "who", "why", "win", "wit", "yes", "zip", "zoo", "mind", "bench", "flow", "torch", "chain", "mark", "former", "seek",
        "coder", "agent", "world", "vision", "sense", "scope", "book", "craft", "forge", "hand", "mate", "pilot", "bert", "former",
    ]);


    internal static readonly WordSet Function = new(ignoreCase: true,
    [
        "a", "an", "the", "of", "for", "and", "with", "in", "on", "to", "from", "by", "at", "as", "via", "or", "into", "over", "under",
        "through", "without", "towards", "toward", "using", "is", "are", "vs", "vs.", "its", "their", "our", "your",
    ]);


    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsFunctionWord(ReadOnlySpan<char> word) => word.Length > 0 && Function.Contains(word);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsCommon(ReadOnlySpan<char> word) => word.Length > 0 && Common.Contains(word);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsShortTitleWord(ReadOnlySpan<char> fragment) => Short.Contains(fragment.Trim("'\u2019-"));

    /// <summary>Endings of English derived words (Explicitization, Robustness, Segmentation) that names rarely have.</summary>
    /// <remarks>Asked of nearly every name token: the last letter picks the endings to compare, not a dozen comparisons.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool HasTitleSuffix(ReadOnlySpan<char> word) => word.Length >= 6 && word[^1] switch
    {
        'n' => word.EndsWith("tion") || word.EndsWith("sion"),
        'y' => word.EndsWith("ity"),
        's' => word.EndsWith("ics") || (word.Length >= 8 && word.EndsWith("ness")),
        'm' => word.EndsWith("ism"),
        't' => word.Length >= 8 && word.EndsWith("ment"),
        'e' => (word.Length >= 8 && word.EndsWith("ive")) || (word.Length >= 7 && (word.EndsWith("able") || word.EndsWith("ible"))),
        'd' => word.Length >= 7 && (word.EndsWith("ized") || word.EndsWith("ised")),
        'g' => word.Length >= 9 && word.EndsWith("ing"),
        _ => false,
    };
}

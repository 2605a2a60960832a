namespace PaperLsp.Generator;

/// <summary>
/// Static word pools. Many entries are copied from the titles and abstracts of
/// examples/seed.papers; the rest are typical ML/NLP vocabulary. No file IO at runtime.
/// </summary>
internal static class Vocabulary
{
    // ---------------------------------------------------------------- titles

    /// <summary>Title-cased adjectives / modifiers.</summary>
    public static readonly string[] TitleAdjectives =
    {
        "Efficient", "Scalable", "Robust", "Unsupervised", "Contrastive", "Hierarchical", "Multilingual",
        "Compositional", "Parameter-Efficient", "Zero-Shot", "Few-Shot", "Cross-Lingual", "Hardware-Efficient",
        "Low-Rank", "Sparse", "Linear", "Gated", "Neural", "Latent", "Structured", "Probabilistic",
        "Incremental", "Autoregressive", "Discrete", "Self-Supervised", "Instruction-Tuned", "Long-Context",
        "Multimodal", "Interpretable", "Faithful", "Verifiable", "Differentiable", "Grounded", "Causal",
        "Symbolic", "Hybrid", "Lifelong", "Pretrained", "Conditional", "Mildly Context-Sensitive",
        "Training-Free", "Pragmatic", "Semantic", "Syntactic", "Generative", "Discriminative", "Adaptive",
        "Continual", "Federated", "Variational", "Bayesian", "Retrieval-Augmented", "Tool-Augmented",
        "Open-Ended", "Fine-Grained", "Multi-Document", "Cross-Modal", "Data-Efficient", "Memory-Efficient",
        "Decentralized", "Stochastic", "Calibrated", "Modular", "Recurrent", "Equivariant", "Universal",
    };

    /// <summary>Title-cased noun phrases (mostly plural or mass nouns).</summary>
    public static readonly string[] TitleNouns =
    {
        "Language Models", "Transformers", "Sentence Embeddings", "Attention", "Reasoning", "Parsing",
        "Grammars", "Representations", "Alignment", "Retrieval", "Decoding", "Fine-Tuning", "Quantization",
        "Distillation", "Translation", "Summarization", "Question Answering", "Program Synthesis",
        "Model Editing", "Tokenization", "Inference", "Reward Models", "Agents", "Embeddings", "Benchmarks",
        "Evaluation", "Speech Recognition", "Knowledge Graphs", "State Space Models", "Mixture-of-Experts",
        "Diffusion Models", "Vision-Language Models", "Instruction Tuning", "In-Context Learning",
        "Chain-of-Thought Prompting", "Hallucinations", "Information Extraction", "Curriculum Learning",
        "Transfer Learning", "Prompt Tuning", "Syntax Acquisition", "Sequence Models", "Kernels",
        "Adaptors", "Productions", "Alignments", "Grammar Induction", "Constituency Parsing",
        "Activation Sparsity", "Outlier Channels", "Reward Functions", "Weight Differences",
        "Inductive Reasoning", "Factuality", "Contextual Hallucinations", "Attention Maps",
        "Symbolic References", "Subset Selection", "Expectation Propagation", "Semantic Representations",
        "Counterfactual Tasks", "Next-Word Prediction", "Entailment", "Dialogue Agents", "Explanations",
        "Linear Attention", "Tree Structures", "World Models", "Code Generation", "Preference Optimization",
        "Mechanistic Interpretability", "Uncertainty Estimation", "Data Augmentation", "Pruning",
        "Speculative Decoding", "Positional Encodings", "Tokenizers", "Memory Networks", "Neural Networks",
    };

    /// <summary>Title-cased tasks / settings.</summary>
    public static readonly string[] Tasks =
    {
        "Machine Translation", "Clinical Information Extraction", "Semantic Parsing", "Code Generation",
        "Mathematical Reasoning", "Dialogue", "Navigation", "Constituency Parsing", "Text Classification",
        "Image Captioning", "Visual Question Answering", "Document Understanding", "Program Translation",
        "Sentence Embeddings", "Language Modeling", "Low-Resource Languages", "Open-Domain Question Answering",
        "Named Entity Recognition", "Relation Extraction", "Speech Translation", "Commonsense Reasoning",
        "Fact Verification", "Text-to-SQL", "Long-Form Generation", "Instruction Following",
        "Efficient Transformer Training", "Low-Batch Inference", "Sequence Labeling", "Coreference Resolution",
        "Dependency Parsing", "Morphological Inflection", "Text Simplification", "Story Generation",
        "Theorem Proving", "Robot Manipulation", "Multi-Hop Question Answering", "Cross-Lingual Alignment",
        "Hybrid Language Symbolic Reasoning", "Lifelong Model Editing", "Transition-based Parsing",
    };

    /// <summary>Title-cased verbs (base form).</summary>
    public static readonly string[] TitleVerbs =
    {
        "Decode", "Grow", "Interpret", "Align", "Compress", "Retrieve", "Ground", "Parse", "Edit", "Summarize",
        "Translate", "Prompt", "Compose", "Explain", "Verify", "Detect", "Remember", "Forget", "Calibrate",
        "Segment", "Rank", "Distill", "Steer", "Represent",
    };

    /// <summary>Intransitive verbs: "Do Language Models Really Reason?"</summary>
    public static readonly string[] IntransitiveVerbs =
    {
        "Reason", "Generalize", "Plan", "Abstain", "Hallucinate", "Memorize", "Learn", "Compose", "Understand",
        "Overthink", "Collaborate", "Forget",
    };

    /// <summary>Plural subjects for templates that need verb agreement.</summary>
    public static readonly string[] PluralNouns =
    {
        "Language Models", "Large Language Models", "Transformers", "Reward Models", "Agents", "State Space Models",
        "Diffusion Models", "Vision-Language Models", "Sequence Models", "Tokenizers", "Neural Networks",
        "World Models", "Dialogue Agents", "Small Models", "Linear Transformers", "Code Models", "Retrievers",
        "Multilingual Models", "Speech Models", "Embedding Models",
    };

    /// <summary>Title-cased gerunds / gerund phrases that start titles.</summary>
    public static readonly string[] Gerunds =
    {
        "Probing for", "Improving", "Detecting and Mitigating", "Scaling", "Evaluating", "Understanding",
        "Measuring", "Exploring", "Rethinking", "Revisiting", "Mitigating", "Benchmarking", "Parallelizing",
        "Controlling", "Inducing and Using", "Learning", "Distilling", "Compressing", "Teaching",
        "Characterizing", "Quantifying", "Steering", "Editing", "Aligning", "Grounding", "Interpreting",
    };

    public static readonly string[] Properties =
    {
        "Robustness", "Faithfulness", "Limits", "Role", "Effectiveness", "Calibration", "Generalization",
        "Sample Efficiency", "Surprising Effectiveness", "Capabilities and Limitations", "Expressivity",
        "Impact", "Geometry", "Emergence", "Stability", "Inductive Biases", "Learnability", "Brittleness",
    };

    public static readonly string[] Approaches =
    {
        "Approach", "Perspective", "Framework", "Analysis", "Study", "Benchmark", "Survey", "Toolkit",
        "Dataset", "Case Study", "Scalable Expectation Propagation Approach", "Empirical Study",
        "Unified View", "Theoretical Analysis", "Simple Baseline",
    };

    public static readonly string[] Connectors = { "for", "with", "via", "in", "through", "using", "from", "over", "across" };

    /// <summary>Invented method names are built from a prefix and a suffix (DiffCSE, LangNav, FlashFormer).</summary>
    public static readonly string[] MethodPrefixes =
    {
        "Flash", "Lang", "Diff", "Meta", "Sparse", "Graph", "Deep", "Fast", "Hyper", "Omni", "Poly", "Mono",
        "Retro", "Auto", "Mem", "Token", "Prompt", "Chain", "Tree", "Open", "Self", "Star", "Mix", "Trans",
        "Code", "Math", "Med", "Bio", "Sci", "Lex", "Syn", "Sem", "Vis", "Speech", "Lo", "Q", "Re", "Uni",
    };

    public static readonly string[] MethodSuffixes =
    {
        "Former", "Nav", "CSE", "Net", "BERT", "GPT", "Mix", "Tune", "Bench", "QA", "Gen", "Align", "Edit",
        "RAG", "Attn", "Prune", "Distill", "NMT", "Coder", "Eval", "Prompt", "LM", "Search", "Parse", "Hub",
        "Mamba", "Diff", "Rank", "Plan", "Tok", "Vec",
    };

    /// <summary>Real CamelCase / mixed-case names (FlashAttention, LoRA, ImageNet, PyTorch ...).</summary>
    public static readonly string[] CamelWords =
    {
        "FlashAttention", "LoRA", "ImageNet", "PyTorch", "DiffCSE", "QLoRA", "RoBERTa", "DeBERTa", "SimCSE",
        "GraphSAGE", "AlphaFold", "AutoML", "OpenNMT", "TensorFlow", "LangChain", "DeepSpeed", "MobileNet",
        "EfficientNet", "ResNet", "WordNet", "FrameNet", "PropBank", "ConceptNet", "SentencePiece",
        "WordPiece", "FastText", "DreamBooth", "ControlNet", "PaLM", "LLaMA", "TruthfulQA", "HellaSwag",
        "WikiText", "MiniLM", "XLNet", "BioBERT", "SciBERT", "DoLa", "LangNav", "FlashFormer", "LQ-LoRA",
        "InstructGPT", "ChatGPT", "GitHub", "SuperGLUE", "BabyLM", "MoE-LLaVA", "LLaVA", "DistilBERT",
    };

    /// <summary>Acronyms that end titles: "... with LLMs", "... for NLP".</summary>
    public static readonly string[] EndAcronyms =
    {
        "LLMs", "NLP", "GPT", "BERT", "AMR", "VLMs", "RLHF", "RAG", "ASR", "NER", "QA", "SQL", "CNNs",
        "GNNs", "RNNs", "MoE", "SSMs", "LMs", "PCFGs", "NMT", "CCG", "HPSG", "UD", "AI", "DPO", "PPO",
    };

    /// <summary>Tokens ending in a digit that end titles: "... with GPT-4", "... to 128K".</summary>
    public static readonly string[] EndDigitTokens =
    {
        "GPT-4", "GPT-2", "GPT-3", "Llama 2", "Llama 3", "T5", "GPT-3.5", "Qwen2", "ResNet-50",
        "FLORES-200", "WMT14", "CIFAR-10", "ImageNet-1K", "Mistral 7B", "Whisper v3", "Web 2", "Pythia 12B",
    };

    public static readonly string[] EndDigitPhrases =
    {
        "Context Windows up to 128K", "Sequences Longer than 1M", "Models with 70B", "Vocabularies of 256K",
        "Batch Size 1", "Depth 2", "the Year 2030", "Level 5", "Layer 0", "Scales up to 405B", "Round 2",
    };

    public static readonly string[] ParenEndings =
    {
        "Extended Abstract", "Student Abstract", "Short Paper", "Extended Version", "Reproducibility Study",
        "Position Paper", "Technical Report", "Almost", "and How to Fix It", "Mostly", "Sometimes",
        "Demo Track", "Invited Talk", "and Beyond",
    };

    public static readonly string[] QuotePhrases =
    {
        "I Don't Know", "Let's Think Step by Step", "Lost in the Middle", "Stochastic Parrots",
        "Emergent Abilities", "Just Ask", "Why Not", "Few-Shot Learners", "Zero-Shot Reasoners",
        "No Free Lunch", "Good Enough", "Attention Is All You Need", "Sorry, I Can't Help", "Hello, World",
        "Understanding", "Reasoning", "Alignment Tax", "Bitter Lesson",
    };

    public static readonly string[] NestedQuotePhrases =
    {
        "The Model Said 'No'", "Just Say 'I Don't Know'", "What Does 'Understanding' Mean", "Please Say 'Yes'",
        "Is 'Reasoning' Reasoning",
    };

    public static readonly string[] QuoteLeadIns =
    {
        "Beyond", "Revisiting", "Teaching Language Models to Say", "Rethinking", "When Models Say",
        "Language Models Are", "Against", "In Defense of", "Measuring", "Do LLMs Know",
    };

    /// <summary>Comma-containing title heads: "Sense, Sensibility, and Scale".</summary>
    public static readonly string[] CommaTriples =
    {
        "Retrieval, Reasoning, and Reflection", "Sense, Sensibility, and Scale", "Faster, Smaller, and Cheaper",
        "Read, Revise, Repeat", "Plan, Verify, and Switch", "Think, Act, and Learn", "Tokens, Types, and Topics",
        "Syntax, Semantics, and Scale", "Search, Verify, and Feedback", "Small, Sparse, and Fast",
        "Memory, Attention, and Composition", "Ask, Retrieve, Answer", "Seeing, Saying, and Solving",
        "Data, Compute, and Parameters", "Words, Worlds, and Wisdom",
    };

    /// <summary>Titles that start with a digit.</summary>
    public static readonly string[] DigitStartTemplates =
    {
        "3D Gaussian Splatting for {T}", "3D-Aware {N} for {T}", "2D Positional Encodings for {S}",
        "8-bit Optimizers via Block-wise Quantization", "1-bit {S} Are Cheaper Than You Think",
        "4-bit Quantization of {S} for {T}", "16-bit Training of {A} {S}", "1.58-bit {S}: {A} {N}",
        "100 Languages, One Model: {A} {N}", "1000 Layers Deep: {G} {S}", "3 Ways to Fail at {T}",
        "2 Simple Tricks for {A} {T}", "10x Faster {S} with {A} Kernels", "7 Lessons from {G} {S}",
        "4D Scene Understanding with {S}", "128K Tokens Later: {G} {N} in {S}",
    };

    /// <summary>Words that are kept lower case inside a title-cased title.</summary>
    public static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "for", "with", "via", "in", "on", "to", "from", "by", "over",
        "across", "through", "using", "as", "at", "up", "than",
    };

    // ---------------------------------------------------------------- names

    public static readonly string[] GivenNames =
    {
        // from the sample
        "Yujia", "Hongyin", "Rumen", "Monica", "Stefan", "Hunter", "Zhaofeng", "Linlu", "Alexis", "Thomas",
        "Swami", "Hamid", "Peihao", "Rameswar", "Tianhua", "Jiaxin", "Sarah", "Samuel", "Ariel", "Liwei",
        "Ximing", "Andrew", "Jiawei", "Radu", "Bailin", "Ivan", "Jacob", "Songlin", "Yoon", "Zhen", "Leonid",
        "Freda", "Puyuan", "Shannon", "Aniruddha", "Han", "Philip", "Hongyi", "Wei", "Bowen", "Jiabao",
        "James", "Tiwalayo", "Vineet", "Zilu", "Mayank", "Alex", "Yao", "Xinyao", "Pragaash", "Tianle",
        "Adam", "Jyothish", "Guillaume", "Yuntian", "Ekin", "Mehul", "Yujun", "Yilun", "Dani", "Kumail",
        "Shaden", "Yonglong", "Ananth", "Naigang", "Peiqi", "Yikang", "Jerry", "William", "Norihito", "Kyle",
        "Nathan", "Isha", "Yue", "Yada", "Diego", "Avichal", "Nir", "Stewart", "Chunwei", "Eric", "Joshua",
        // elsewhere
        "Priya", "Arjun", "Ananya", "Rahul", "Kavya", "Oluwaseun", "Chinonso", "Amara", "Kwame", "Fatima",
        "Ahmed", "Omar", "Leila", "Yasmin", "Mehmet", "Elif", "Aylin", "Hiroshi", "Yuki", "Haruto", "Sakura",
        "Minji", "Jiwoo", "Seung", "Hyunwoo", "Thanh", "Linh", "Mai", "Anh", "Olga", "Dmitri", "Anastasia",
        "Sergey", "Katarzyna", "Piotr", "Agnieszka", "Lars", "Ingrid", "Astrid", "Mikael", "Sofia", "Mateo",
        "Lucía", "Camila", "Joaquín", "Pedro", "Beatriz", "João", "François", "Amélie", "Émile", "Hélène",
        "Giulia", "Matteo", "Francesca", "Lorenzo", "Sven", "Jürgen", "Björn", "Niamh", "Siobhan", "Aoife",
        "Ravi", "Deepak", "Sanjay", "Nikolaos", "Eleni", "Ioannis", "Chiara", "Tomás", "Zoë", "Łukasz",
        "José", "Søren", "Ramón", "Noémie", "Çağlar", "Ayşe", "Kenji", "Akari", "Tunde", "Ngozi", "Abebe",
        "Wanjiru", "Rania", "Karim", "Nadia", "Mariam", "Reza", "Parisa", "Dilnoza", "Aigerim", "Bogdan",
        "Zsófia", "Ondřej", "Märt", "Kaisa", "Ewa", "Marta", "Lena", "Felix", "Clara", "Hannah", "Noah",
        "Emma", "Oliver", "Grace", "Daniel", "Rachel", "Michael", "Jennifer", "Christopher", "Laura",
    };

    public static readonly string[] Surnames =
    {
        // from the sample
        "Chuang", "Xie", "Luo", "Dangovski", "Agrawal", "Hegselmann", "Lang", "Wu", "Qiu", "Ross",
        "Hartvigsen", "Sankaranarayanan", "Palangi", "Wang", "Panda", "Zhang", "Ge", "Florin", "Lee", "Jiang",
        "Lu", "Drozdov", "Zhou", "Florian", "Titov", "Andreas", "Yang", "Levy", "Kim", "Karlinsky", "Lai",
        "Shi", "Peng", "Shen", "Nrusimha", "Guo", "Greengard", "Liu", "Pan", "Ji", "Glass", "Eisape",
        "Gangireddy", "Tang", "Agarwal", "Shypula", "Fu", "Niu", "Ponnusamy", "Cai", "Zweiger", "Pari",
        "Klein", "Deng", "Akyürek", "Damani", "Mao", "Yogatama", "Alhamoud", "Alshammari", "Tian",
        "Balashankar", "Mishra", "Ngo", "Merrill", "Naka", "Puri", "Zhu", "Antognini", "Goel", "Shavit",
        "Brandon", "Slocum", "Chen", "Hsieh", "Tenenbaum", "Xing", "Jin",
        // elsewhere
        "Okafor", "Adeyemi", "Mensah", "Haddad", "Nasser", "Yılmaz", "Demir", "Tanaka", "Suzuki", "Watanabe",
        "Park", "Choi", "Nguyễn", "Trần", "Phạm", "Ivanova", "Petrov", "Kowalski", "Nowak", "Wiśniewska",
        "Johansson", "Lindqvist", "Nielsen", "Søndergaard", "García", "Martínez", "Rodríguez", "Müller",
        "Schäfer", "Dubois", "Lefèvre", "Rossi", "Bianchi", "Ferrari", "Papadopoulos", "Kaur", "Singh",
        "Iyer", "Reddy", "Krishnan", "Mukherjee", "Gupta", "Sharma", "Banerjee", "Murphy", "Kelly",
        "Brennan", "Silva", "Santos", "Costa", "Oliveira", "Fernández", "Kovács", "Novák", "Horváth",
        "Popescu", "Andersson", "Hoffmann", "Fischer", "Weber", "Bauer", "Kozlov", "Sokolov", "Tesfaye",
        "Mwangi", "Otieno", "Hosseini", "Karimi", "Rahman", "Chowdhury", "Abdullah", "Nakamura", "Kobayashi",
        "Sato", "Ito", "Huang", "Zhao", "Sun", "Ma", "Hu", "Gao", "Lin", "Xu", "Dvořák", "Ström", "Østergaard",
        "Gómez", "Peña", "Öztürk", "Şahin", "Ahmadi", "Smith", "Johnson", "Brown", "Taylor", "Anderson",
        "Thompson", "Walker", "Robinson", "Clark", "Lewis", "Bennett",
    };

    /// <summary>Hyphenated given names; some with a lower-case second part (Wen-tau).</summary>
    public static readonly string[] HyphenatedGiven =
    {
        "Yung-Sung", "Jean-Luc", "Cheng-I", "Cheng-Yu", "Jean-Pierre", "Marie-Claire", "Hsiang-Fu", "Wen-tau",
        "Po-Sen", "Ming-Wei", "Kai-Wei", "Hung-yi", "Jia-Bin", "Anne-Marie", "Ji-Hoon", "Hans-Peter",
        "Karl-Heinz", "Pierre-Emmanuel", "Yu-Chiang", "Shang-Wen",
    };

    /// <summary>Second given names for three-token names (Lucas Torroba Hennigen, Cheng-I Jeff Lai).</summary>
    public static readonly string[] SecondNames =
    {
        "Torroba", "Baile", "Jeff", "Velocity", "Zejiang", "Won", "Maria", "Luis", "Anne", "Kumar",
        "Elena", "Jan", "Ali", "Jun", "Marie", "Paul", "Rose", "Alexander", "Kwabena", "Hoang",
    };

    /// <summary>Name shapes of real arXiv author lists (tests/PaperLsp.Tests/Fixtures/arxiv tags and issue 9), none starting a name with an initial.</summary>
    public static readonly string[] ArxivShapeNames =
    {
        "Md. Sazzad Hossain", "Mst. Nasrin Akter", "Wm. Blake Carter", "Shengwu. Xiong", "Arun K S", "Ashik E Rasul", "Priya R. M.",
        "Haihong E", "Leong Hou U", "Pavan Kumar B N", "Jordi Pons i Puig", "Xavier Giró-i-Nieto", "Zia ul Haq", "Umm e Hani",
        "Stéphane d'Ascoli", "Chang 'Charlie' Liu", "Wei “David” Zhang", "Maitham F. AL-Sunni", "Terrence J. Lee-St. John",
        "Syed Sohail Feroz Syed Afroz", "Nishanth Venkatesh S.", "Murilo Vinicius da Silva", "Jin Wei-Kocsis", "Jean -P. Dubois",
    };

    public static readonly string[] LeadingInitialNames =
    {
        "R. Thomas McCoy", "J. Zico Kolter", "H. T. Kung", "C. Lee Giles", "J. R. R. Tolkien",
        "A. Rupam Mahmood", "S. V. N. Vishwanathan", "M. Saiful Bari", "K. J. Joseph", "T. S. Eliot",
    };

    /// <summary>Surnames with a particle; the name always starts with a given name.</summary>
    public static readonly string[] ParticleSurnames =
    {
        "van der Merwe", "van den Oord", "van der Maaten", "van Durme", "van Noord", "de Vries", "de Souza",
        "de la Torre", "de Melo", "von Oswald", "von Werra", "von Luxburg", "da Silva", "da Costa",
        "dos Santos", "di Marco", "del Río", "le Roux", "ter Hoeve", "Van Gool", "De Cao", "van Beethoven",
        "bin Hassan", "al-Rashid",
    };

    public static readonly string[] Suffixes = { "Jr.", "III", "II", "IV", "Sr." };

    /// <summary>Given names and surnames that plausibly carry a generational suffix.</summary>
    public static readonly string[] SuffixGiven =
    {
        "Robert", "William", "James", "John", "Richard", "Charles", "Thomas", "Joseph", "David", "Henry",
        "George", "Edward", "Frank", "Luis", "Carlos", "Samuel",
    };

    public static readonly string[] SuffixSurnames =
    {
        "Smith", "Johnson", "Brown", "Taylor", "Anderson", "Thompson", "Walker", "Robinson", "Clark", "Lewis",
        "Bennett", "Gonzalez", "Martinez", "Miller", "Davis", "Wilson", "Moore", "Harris",
    };

    /// <summary>Given names that plausibly go with the particle surnames.</summary>
    public static readonly string[] ParticleGiven =
    {
        "Laurens", "Aäron", "Benjamin", "Gertjan", "Harm", "Nicola", "Fernando", "Gerard", "Johannes",
        "Leandro", "Ulrike", "Ana", "Rui", "Cícero", "Marco", "Luis", "Hugo", "Pieter", "Sanne", "Maarten",
        "Ludwig", "Claudia", "Amir", "Leila", "Joost", "Eva", "Tim", "Roberta", "Gabriel",
    };

    public static readonly string[] ApostropheSurnames =
    {
        "O'Brien", "O'Connor", "D'Angelo", "D'Souza", "O'Neill", "Dell'Orletta", "N'Diaye", "O'Hara",
        "D'Amour", "L'Heureux",
    };

    public static readonly string[] InnerCapSurnames =
    {
        "McDonald", "McCoy", "MacAvaney", "DeVries", "DiPietro", "LeCun", "McAllester", "DeYoung",
        "VanderPlas", "FitzGerald", "McKeown", "MacCartney", "DeNero", "LaPorte",
    };

    public static readonly string[] InnerCapGiven =
    {
        "SouYoung", "JinYeong", "DaeHyun", "MinJoon", "SeungWon", "TaeHo", "JiWoo", "HyeonJung", "DeShawn",
        "LaToya",
    };

    public static readonly string[] NonAsciiGiven =
    {
        "Zoë", "Łukasz", "José", "Søren", "Jürgen", "Björn", "François", "Çağlar", "Ondřej", "Zsófia",
        "Noémie", "Joaquín", "Lucía", "Ramón", "Hélène", "Márton", "Đorđe", "Åsa", "Øystein", "Thảo",
    };

    public static readonly string[] NonAsciiSurnames =
    {
        "Akyürek", "Nguyễn", "Müller", "Wiśniewska", "Yılmaz", "Søndergaard", "Dvořák", "Ström",
        "Østergaard", "Öztürk", "Şahin", "Gülçehre", "Łukasiewicz", "Trần", "Lê", "Đặng", "Schütze",
        "Fernández", "Peña", "Kovács", "Žabokrtský", "Björklund",
    };

    public static readonly string[] MiddleInitials =
    {
        "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "P.", "R.", "S.", "T.", "W.",
    };

    // ---------------------------------------------------------------- metadata

    public static readonly string[] Affiliations =
    {
        "mit", "harvard", "microsoft-research", "meta-ai", "allen-ai", "ibm-research", "uw", "stanford",
        "cmu", "berkeley", "google-deepmind", "oxford", "cambridge", "eth-zurich", "tsinghua", "pku",
        "nyu", "princeton", "mila", "epfl", "edinburgh", "toronto", "kaist", "tokyo", "nvidia", "apple",
        "amazon", "openai", "anthropic", "hugging-face", "cohere", "jhu", "umass", "upenn", "cornell",
        "columbia", "ucla", "uiuc", "ucsd", "tum", "uva", "lmu", "inria", "sjtu", "zju", "ntu", "nus",
        "iisc", "iit-bombay", "usp", "kaust", "mbzuai", "samsung-ai", "naver", "baidu", "alibaba",
    };

    public static readonly string[] Categories = { "CL", "LG", "CV", "AI", "IR", "RO", "SD", "HC", "CR", "MA", "NE", "SE" };
    public static readonly int[] CategoryWeights = { 40, 30, 10, 8, 3, 2, 2, 1, 1, 1, 1, 1 };

    public static readonly string[] MonthAbbreviations =
    {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    };

    // ---------------------------------------------------------------- abstracts

    public static readonly string[] AbstractNouns =
    {
        "large language models", "language models", "transformers", "sentence embeddings", "pretrained models",
        "vision-language models", "state-space models", "linear transformers", "reward models", "retrievers",
        "dialogue agents", "neural parsers", "speech models", "multilingual models", "small models",
        "instruction-tuned models", "mixture-of-experts models", "diffusion models", "autoregressive decoders",
        "sequence-to-sequence models", "probabilistic grammars", "code models", "embedding models",
    };

    public static readonly string[] AbstractThings =
    {
        "factual knowledge", "contextual information", "syntactic structure", "semantic representations",
        "reasoning chains", "attention maps", "hidden states", "token distributions", "model weights",
        "training data", "parametric knowledge", "surface form", "latent variables", "intermediate layers",
        "activation statistics", "preference data", "retrieved passages", "auxiliary losses", "outlier channels",
        "positional information", "discourse structure", "long-range dependencies", "tool calls",
    };

    public static readonly string[] AbstractTasks =
    {
        "machine translation", "question answering", "semantic parsing", "code generation",
        "mathematical reasoning", "information extraction", "text classification", "summarization",
        "instruction following", "open-ended generation", "constituency parsing", "program translation",
        "commonsense reasoning", "natural language inference", "entailment", "navigation", "dialogue",
        "long-context retrieval", "fact verification", "cross-lingual transfer", "speech recognition",
    };

    public static readonly string[] AbstractAdjectives =
    {
        "simple", "efficient", "scalable", "unsupervised", "contrastive", "lightweight", "general",
        "principled", "modular", "training-free", "parameter-efficient", "hardware-efficient", "robust",
        "interpretable", "flexible", "novel", "effective", "data-efficient", "differentiable", "hierarchical",
    };

    public static readonly string[] AbstractProblems =
    {
        "they are prone to hallucinations", "they struggle with out-of-distribution inputs",
        "their computational cost grows quadratically with sequence length",
        "they often fail to generalize compositionally", "their predictions are poorly calibrated",
        "existing methods require expensive human annotation", "they underperform on low-resource languages",
        "their internal representations remain poorly understood", "they are sensitive to the surface form of the input",
        "training them requires substantial compute", "they rely on heuristics that do not transfer across domains",
        "little is known about how they acquire this ability", "they generate content that deviates from facts seen during pretraining",
    };

    public static readonly string[] Benchmarks =
    {
        "GLUE", "SuperGLUE", "MMLU", "GSM8K", "HumanEval", "TruthfulQA", "BIG-Bench Hard", "SQuAD",
        "Natural Questions", "WMT'14 English-German", "ImageNet", "COCO", "LAMBADA", "HellaSwag", "ARC",
        "WikiText-103", "the Penn Treebank", "MATH", "MBPP", "TriviaQA", "HotpotQA", "XNLI", "FLORES-200",
    };

    public static readonly string[] Models =
    {
        "GPT-4", "LLaMA", "Llama 2", "T5", "BERT", "RoBERTa", "Mistral 7B", "PaLM", "InstructGPT",
        "ChatGPT", "CLIP", "Whisper", "GPT-3.5", "Pythia", "OLMo", "Qwen",
    };

    public static readonly string[] Verbs =
    {
        "outperforms", "matches", "surpasses", "improves on", "exceeds", "beats",
    };

    public static readonly string[] Findings =
    {
        "factual knowledge is localized to particular transformer layers",
        "subtle alterations in the surface form can significantly impact the answer distribution",
        "performance is largely determined by the diversity of the training data",
        "models rely on shallow heuristics rather than the intended reasoning procedure",
        "the learned representations are shared across languages and modalities",
        "a small number of attention heads account for most of the effect",
        "the benefits of scale diminish on tasks that require multi-step reasoning",
        "linear probes can recover much of the underlying structure",
        "instruction tuning mostly changes the output format rather than the underlying knowledge",
        "errors compound over long generations",
        "the gap between open and closed models is smaller than previously reported",
    };

    public static readonly string[] Closers =
    {
        "Code and data are publicly available.",
        "We release our code, models, and data to facilitate future research.",
        "Our results suggest a promising direction for building more reliable systems.",
        "We hope this work encourages further study of these questions.",
        "Our code is available at https://github.com/example/project.",
        "These findings have implications for both the design and the evaluation of future models.",
        "Finally, we discuss limitations and directions for future work.",
    };
}

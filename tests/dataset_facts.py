"""The published facts of C4ML 2026, as the tests expect to find them."""

from __future__ import annotations

from companion.records import SlotKind

# (title, authors, affiliation), in program order, as published on 2026-01-13.
TALKS = [
    (
        "Library Liberation: Competitive Performance Matmul Through Compiler-composed Nanokernels",
        [
            "Arun Thangamani",
            "Md Asghar Ahmad Shahid",
            "Adam Siemieniuk",
            "Rolf Morel",
            "Renato Golin",
            "Alexander Heinecke",
        ],
        "Intel Corporation",
    ),
    (
        "Enabling Compiler-Driven Transformation of Attention Variants",
        ["Ivan Ho", "Kunwar Grover", "Tobias Grosser"],
        "University of Cambridge and AMD",
    ),
    (
        "Systematic Code Generation for ML Computations based on Multi-Dimensional Homomorphisms",
        ["Ari Rasch", "Richard Schulze"],
        "University of Muenster",
    ),
    (
        "DeepTools: A Full-Stack Machine Learning Compiler for the IBM Spyre Accelerator",
        [
            "Prasanth Chatarasi",
            "Shubham Jain",
            "Alberto Mannari",
            "Sanchari Sen",
            "Swagath Venkataramani",
            "Viji Srinivasan",
        ],
        "IBM Research",
    ),
    (
        "From Triton to AMD NPU: Compiler-Driven Kernel Generation with MLIR-AIR",
        [
            "Erwei Wang",
            "Emily Furst",
            "Yiannis Papadopoulos",
            "Aaron Knoll",
            "Mike Chu",
            "Joseph Melber",
            "Stephen Neuendorffer",
            "Samuel Bayliss",
        ],
        "AMD and AMD Research",
    ),
    (
        "From PyTorch to Calyx: An Open-Source Compiler Toolchain for ML Accelerators",
        ["Jiahan Xie", "Evan Williams", "Adrian Sampson"],
        "University of California, Santa Cruz and Cornell University",
    ),
    (
        "Defeat the Heap: Zero-Copy Data Movement in AXI4MLIR",
        [
            "Elam Cohavi",
            "Nicolas Bohm Agostini",
            "Jude Haris",
            "Antonino Tumeo",
            "David Kaeli",
            "José Cano",
        ],
        "University of Glasgow, Northeastern University, and Pacific Northwest National Laboratory",
    ),
    (
        "Magellan: Autonomous Discovery of Novel Compiler Optimization Heuristics with AlphaEvolve",
        [
            "Hongzheng Chen",
            "Alexander Novikov",
            "Ngân (NV) Vũ",
            "Hanna Alam",
            "Zhiru Zhang",
            "Aiden Grossman",
            "Mircea Trofin",
            "Amir Yazdanbakhsh",
        ],
        "Google, Google DeepMind, and Cornell University",
    ),
    (
        "Analyzing the complexities of graph compilers for machine learning",
        ["Kshitij Jain", "Satyam Srivastava"],
        "d-Matrix Corporation",
    ),
    (
        "XTC: A Research Platform for Optimizing AI Workload Operators",
        [
            "Hugo Pompougnac",
            "Christophe Guillon",
            "Sylvain Noiry",
            "Alban Dutilleul",
            "Guillaume Iooss",
            "Fabrice Rastello",
        ],
        "Inria, Univ. Grenoble Alpes, CNRS, Grenoble INP",
    ),
]
SESSION_OF_TALK = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3]
ORGANIZERS = {
    "Jacques Pienaar": "Google",
    "Mehdi Amini": "Nvidia",
    "Michael Roberts": "Meta",
    "Markus Böck": "ETH Zurich",
}
# (start, end or None, kind, title), AEDT on Sunday 1 February 2026.
SLOTS = [
    ("09:30", "10:30", SlotKind.RELATED, "CC 2026"),
    ("11:00", "11:05", SlotKind.OPENING, "Opening Remarks"),
    ("11:05", "12:45", SlotKind.SESSION, "Session 1: Code Generation & Kernels"),
    ("12:45", "13:45", SlotKind.MEAL, "Lunch"),
    ("13:45", "15:30", SlotKind.SESSION, "Session 2: Accelerators & Toolchains"),
    ("15:30", "16:00", SlotKind.BREAK, "Break"),
    ("16:00", "17:20", SlotKind.SESSION, "Session 3: Optimization & Analysis"),
    ("17:20", None, SlotKind.CLOSING, "Closing"),
]

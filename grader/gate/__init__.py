"""The forbidden-API gate: may this learner file pass, given what it says and what it did?

An exercise's catalog entry may forbid APIs (``forbidden``). Three parts decide, each its own module:

- :mod:`grader.gate.static` reads the learner's files once (astroid resolves what each name refers to; in an
  analysis process of its own, under hard limits: :mod:`grader.gate.isolation`) and returns findings:
  *definite* uses, *ambiguous* ones that only runtime evidence can settle, *dynamic* accesses the grader
  cannot check, and *tamper*: means to switch the runtime record off;
- :mod:`grader.gate.runtime` records what the learner's code actually called while the graded calls
  ran (a ``TorchFunctionMode``, recording wrappers, an audit hook), as plain data that can leave a sandbox;
- :mod:`grader.gate.verdict` joins both into the gate's one verdict, with the evidence, in the
  learner's language.

:mod:`grader.gate.patterns` parses the catalog's patterns for all three; :mod:`grader.gate.values` says
whose attribute a name on an inferred value is, for the static analysis. References are exempt: they are
the library's own implementation, which the exercise forbids (design.md).
"""

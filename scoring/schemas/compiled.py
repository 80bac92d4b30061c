"""The JSON Schema checks the package makes, compiled to Python: written by
``python tools/schema_checks.py`` from the schemas beside this module; do not edit.
"""

# mypy: ignore-errors
import re
from decimal import Decimal

from . import _MISSING, _NUMBERS, _integer, _number, _unique

_c0 = frozenset({'department'})
_c1 = frozenset({'$schema', 'department', 'projects'})
_c2 = frozenset({'budget', 'name', 'year'})
_c3 = frozenset({'budget', 'goal', 'grade', 'indicators', 'name', 'result', 'score', 'weights_reason', 'year'})
_c4 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c5 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c6 = 1949
_c7 = 9999
_c8 = frozenset({'planned'})
_c9 = frozenset({'adjusted'})
_c10 = frozenset({'spent'})
_c11 = frozenset({'adjusted', 'planned', 'reason', 'score', 'spent', 'weight'})
_c12 = frozenset({'actual', 'level1', 'level2', 'name', 'target'})
_c13 = frozenset({'actual', 'applicable', 'deduction', 'level1', 'level2', 'name', 'reason', 'score', 'target', 'weight'})
_c14 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c15 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c16 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c17 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c18 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c19 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c20 = frozenset({'value'})
_c21 = frozenset({'op', 'unit', 'value'})
_c22 = frozenset({'budget', 'indicators', 'name'})
_c23 = frozenset({'budget', 'goal', 'grade', 'indicators', 'name', 'result', 'score', 'weights_reason'})
_c24 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c25 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c26 = frozenset({'planned'})
_c27 = frozenset({'adjusted'})
_c28 = frozenset({'spent'})
_c29 = frozenset({'adjusted', 'planned', 'reason', 'score', 'spent', 'weight'})
_c30 = frozenset({'actual', 'level1', 'level2', 'name', 'target'})
_c31 = frozenset({'actual', 'applicable', 'deduction', 'level1', 'level2', 'name', 'reason', 'score', 'target', 'weight'})
_c32 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c33 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c34 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c35 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c36 = re.compile('[^\\s\\u200b-\\u200f\\u2060-\\u2064\\ufeff]')
_c37 = frozenset({' ', '', '\n', '\r', '\t', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u3000', '\ufeff', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0'})
_c38 = frozenset({'value'})
_c39 = frozenset({'op', 'unit', 'value'})
_c40 = frozenset({'caps', 'checks', 'deadlines', 'deductions', 'department', 'execution', 'grades', 'judgement', 'level2', 'methods', 'not_applicable', 'over_achievement', 'overrides', 'qualitative', 'quantitative', 'reverse_indicators', 'rounding', 'ruleset', 'units', 'weights'})
_c41 = frozenset({'basis', 'extends', 'id', 'notes', 'title', 'version'})
_c42 = re.compile('^[a-z0-9][a-z0-9._-]*$')
_c43 = frozenset({'decimals', 'mode'})
_c44 = 0
_c45 = 6
_c46 = frozenset({'down', 'half-even', 'half-up'})
_c47 = 0
_c48 = frozenset({'min'})
_c49 = frozenset({'aliases', 'min'})
_c50 = 0
_c51 = frozenset({})
_c52 = frozenset({'bands', 'denominator', 'method', 'of', 'weight'})
_c53 = 0
_c54 = frozenset({'adjusted', 'planned'})
_c55 = frozenset({'actual', 'rate'})
_c56 = frozenset({'rate'})
_c57 = frozenset({'max', 'min', 'rate'})
_c58 = 0
_c59 = 1
_c60 = 0
_c61 = frozenset({})
_c62 = frozenset({'refuse', 'rescale'})
_c63 = 0
_c64 = frozenset({'missing', 'over_total', 'total'})
_c65 = frozenset({})
_c66 = frozenset({'<', '=', '>', 'default_op', 'negative_actual', 'rate_names', '≤', '≥'})
_c67 = frozenset({'<', '=', '>', '≤', '≥'})
_c68 = frozenset({'error', 'signed'})
_c69 = frozenset({'polar', 'same_as_target', 'scales', 'tiers'})
_c70 = frozenset({'default', 'max', 'min', 'name'})
_c71 = frozenset({'aliases', 'default', 'max', 'min', 'name'})
_c72 = 0
_c73 = 1
_c74 = 0
_c75 = 1
_c76 = 0
_c77 = 1
_c78 = frozenset({'negations', 'no', 'not_negations', 'yes'})
_c79 = frozenset({'basis', 'duration_except', 'duration_floors', 'duration_levels', 'duration_limit_phrases', 'duration_stoppable', 'duration_stops', 'durations', 'except', 'except_manners', 'except_negations', 'infer', 'levels', 'names'})
_c80 = frozenset({'late'})
_c81 = frozenset({'accept_filed', 'action', 'moderate_cut', 'points', 'ratio'})
_c82 = 0
_c83 = frozenset({'deduct', 'flag', 'require-reason'})
_c84 = 0
_c85 = 1
_c86 = 0
_c87 = frozenset({'no_formula_default', 'no_formula_tiers', 'when'})
_c88 = frozenset({'equal-missed', 'reverse-exceeded'})
_c89 = 0
_c90 = 1
_c91 = frozenset({'apply'})
_c92 = frozenset({'mode'})
_c93 = frozenset({'rescale', 'zero'})
_c94 = frozenset({'execution_below', 'max_score'})
_c95 = frozenset({'execution_below', 'max_score'})
_c96 = 0
_c97 = 0
_c98 = frozenset({'adjustment_reason', 'execution_reason', 'execution_reason_below', 'numeric_words', 'rates_within_100', 'reason_required_below_weight', 'severity', 'spending_results', 'targets_equal_actuals_rows', 'total_is_sum', 'weights_reason'})
_c99 = frozenset({'error', 'info', 'off', 'warning'})
_c100 = 0
_c101 = 1
_c102 = frozenset({'error', 'info', 'off', 'warning'})
_c103 = frozenset({})
_c104 = frozenset({'error', 'info', 'off', 'warning'})
_c105 = frozenset({'error', 'info', 'off', 'warning'})
_c106 = frozenset({'completion_at_least', 'execution_below'})
_c107 = frozenset({'completion_at_least', 'execution_below'})
_c108 = 0
_c109 = 1
_c110 = 0
_c111 = 1
_c112 = 1
_c113 = frozenset({'error', 'info', 'off', 'warning'})
_c114 = frozenset({'method'})
_c115 = frozenset({'auto', 'budget-weighted', 'mean', 'table'})
_c116 = frozenset({'match', 'method'})
_c117 = frozenset({'match', 'method', 'params'})
_c118 = frozenset({'level1', 'level2', 'name'})
_c119 = frozenset({})
_c120 = frozenset({'aliases', 'families', 'multipliers'})
_c121 = 0
_c122 = frozenset({})
_c123 = frozenset({})
_c124 = re.compile('^[0-9]+(\\.[0-9]+)?(/[0-9]+)?$')
_c125 = frozenset({})
_c126 = frozenset({})
_c127 = frozenset({'rate'})
_c128 = frozenset({'max', 'min', 'rate'})
_c129 = 0
_c130 = 1

def _s4(x):
    if isinstance(x, dict):
        if not x.keys() >= _c8:
            return False
    return True
def _s5(x):
    if isinstance(x, dict):
        if not x.keys() >= _c9:
            return False
    return True
def _s3(x):
    if not (isinstance(x, dict)):
        return False
    if not ((_s4(x)) or (_s5(x))):
        return False
    if not x.keys() >= _c10:
        return False
    if not x.keys() <= _c11:
        return False
    v = x.get('planned', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('adjusted', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x['spent']
    if not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('weight', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('score', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s9(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c20:
        return False
    if not x.keys() <= _c21:
        return False
    v = x.get('op', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x['value']
    if not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('unit', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s8(x):
    if not (((isinstance(x, str) or (type(x) in _NUMBERS or _number(x)))) or (_s9(x))):
        return False
    return True
def _s7(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c12:
        return False
    if not x.keys() <= _c13:
        return False
    v = x['level1']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c15 or _c14.search(v) is not None))):
        return False
    v = x['level2']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c17 or _c16.search(v) is not None))):
        return False
    v = x['name']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c19 or _c18.search(v) is not None))):
        return False
    v = x['target']
    if not (_s8(v)):
        return False
    v = x['actual']
    if not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('weight', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('score', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('applicable', _MISSING)
    if v is not _MISSING and not ((isinstance(v, bool))):
        return False
    v = x.get('deduction', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    return True
def _s6(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not (_s7(v)):
            return False
    return True
def _s2(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c2:
        return False
    if not x.keys() <= _c3:
        return False
    v = x['name']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c5 or _c4.search(v) is not None))):
        return False
    v = x['year']
    if not ((isinstance(v, str) or (type(v) is int or _integer(v))) and (not (type(v) in _NUMBERS or _number(v)) or (not v < _c6 and not v > _c7))):
        return False
    v = x['budget']
    if not (_s3(v)):
        return False
    v = x.get('goal', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('result', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('indicators', _MISSING)
    if v is not _MISSING and not (_s6(v)):
        return False
    v = x.get('score', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('grade', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('weights_reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s13(x):
    if isinstance(x, dict):
        if not x.keys() >= _c26:
            return False
    return True
def _s14(x):
    if isinstance(x, dict):
        if not x.keys() >= _c27:
            return False
    return True
def _s12(x):
    if not (isinstance(x, dict)):
        return False
    if not ((_s13(x)) or (_s14(x))):
        return False
    if not x.keys() >= _c28:
        return False
    if not x.keys() <= _c29:
        return False
    v = x.get('planned', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('adjusted', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x['spent']
    if not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('weight', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('score', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s18(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c38:
        return False
    if not x.keys() <= _c39:
        return False
    v = x.get('op', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x['value']
    if not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('unit', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s17(x):
    if not (((isinstance(x, str) or (type(x) in _NUMBERS or _number(x)))) or (_s18(x))):
        return False
    return True
def _s16(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c30:
        return False
    if not x.keys() <= _c31:
        return False
    v = x['level1']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c33 or _c32.search(v) is not None))):
        return False
    v = x['level2']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c35 or _c34.search(v) is not None))):
        return False
    v = x['name']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c37 or _c36.search(v) is not None))):
        return False
    v = x['target']
    if not (_s17(v)):
        return False
    v = x['actual']
    if not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('weight', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('score', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('applicable', _MISSING)
    if v is not _MISSING and not ((isinstance(v, bool))):
        return False
    v = x.get('deduction', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    return True
def _s15(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not (_s16(v)):
            return False
    return True
def _s11(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c22:
        return False
    if not x.keys() <= _c23:
        return False
    v = x['name']
    if not ((isinstance(v, str)) and (len(v) >= 1 and (v[:1] not in _c25 or _c24.search(v) is not None))):
        return False
    v = x['budget']
    if not (_s12(v)):
        return False
    v = x.get('goal', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('result', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x['indicators']
    if not (_s15(v)):
        return False
    v = x.get('score', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('grade', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('weights_reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s10(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not (_s11(v)):
            return False
    return True
def _s1(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c0:
        return False
    if not x.keys() <= _c1:
        return False
    v = x.get('$schema', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x['department']
    if not (_s2(v)):
        return False
    v = x.get('projects', _MISSING)
    if v is not _MISSING and not (_s10(v)):
        return False
    return True
def _s21(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str))):
            return False
    return True
def _s20(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c41:
        return False
    v = x.get('id', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (_c42.search(v) is not None)):
        return False
    v = x.get('title', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('version', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('basis', _MISSING)
    if v is not _MISSING and not (_s21(v)):
        return False
    v = x.get('extends', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('notes', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s22(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c43:
        return False
    v = x.get('decimals', _MISSING)
    if v is not _MISSING and not (((type(v) is int or _integer(v))) and (not v < _c44 and not v > _c45)):
        return False
    v = x.get('mode', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c46)):
        return False
    return True
def _s26(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s25(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c48:
        return False
    if not x.keys() <= _c49:
        return False
    v = x['min']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c50)):
        return False
    v = x.get('aliases', _MISSING)
    if v is not _MISSING and not (_s26(v)):
        return False
    return True
def _s24(x):
    if not ((((type(x) in _NUMBERS or _number(x))) and (not x < _c47)) or (_s25(x))):
        return False
    return True
def _s23(x):
    if not (isinstance(x, dict)):
        return False
    if len(x) < 1:
        return False
    for k, v in x.items():
        if k not in _c51 and not (_s24(v)):
            return False
    return True
def _s29(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c56:
        return False
    if not x.keys() <= _c57:
        return False
    v = x.get('min', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('max', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v)))):
        return False
    v = x['rate']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c58 and not v > _c59)):
        return False
    return True
def _s28(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not (_s29(v)):
            return False
    return True
def _s27(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c52:
        return False
    v = x.get('weight', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v < _c53)):
        return False
    v = x.get('denominator', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c54)):
        return False
    v = x.get('method', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('of', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c55)):
        return False
    v = x.get('bands', _MISSING)
    if v is not _MISSING and not (_s28(v)):
        return False
    return True
def _s32(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not ((isinstance(v, str))):
            return False
    return True
def _s31(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c61 and not (_s32(v)):
            return False
    return True
def _s30(x):
    if not (isinstance(x, dict)):
        return False
    v = x.get('total', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v <= _c60)):
        return False
    v = x.get('missing', _MISSING)
    if v is not _MISSING and not (_s31(v)):
        return False
    v = x.get('over_total', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c62)):
        return False
    for k, v in x.items():
        if k not in _c64 and not (((type(v) in _NUMBERS or _number(v))) and (not v < _c63)):
            return False
    return True
def _s34(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s33(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c65 and not (_s34(v)):
            return False
    return True
def _s36(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s35(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c66:
        return False
    v = x.get('default_op', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c67)):
        return False
    v = x.get('≥', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('>', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('≤', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('<', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('=', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('negative_actual', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c68)):
        return False
    v = x.get('rate_names', _MISSING)
    if v is not _MISSING and not (_s36(v)):
        return False
    return True
def _s40(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str))):
            return False
    return True
def _s39(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c70:
        return False
    if not x.keys() <= _c71:
        return False
    v = x['name']
    if not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('aliases', _MISSING)
    if v is not _MISSING and not (_s40(v)):
        return False
    v = x['min']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c72 and not v > _c73)):
        return False
    v = x['max']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c74 and not v > _c75)):
        return False
    v = x['default']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c76 and not v > _c77)):
        return False
    return True
def _s38(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not (_s39(v)):
            return False
    return True
def _s44(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s43(x):
    if not (((isinstance(x, str)) and (len(x) >= 1)) or (_s44(x))):
        return False
    return True
def _s42(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 2:
        return False
    for v in x:
        if not (_s43(v)):
            return False
    return True
def _s41(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not (_s42(v)):
            return False
    return True
def _s46(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s47(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s48(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s49(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s45(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c78:
        return False
    v = x.get('yes', _MISSING)
    if v is not _MISSING and not (_s46(v)):
        return False
    v = x.get('no', _MISSING)
    if v is not _MISSING and not (_s47(v)):
        return False
    v = x.get('negations', _MISSING)
    if v is not _MISSING and not (_s48(v)):
        return False
    v = x.get('not_negations', _MISSING)
    if v is not _MISSING and not (_s49(v)):
        return False
    return True
def _s37(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c69:
        return False
    v = x.get('same_as_target', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('tiers', _MISSING)
    if v is not _MISSING and not (_s38(v)):
        return False
    v = x.get('scales', _MISSING)
    if v is not _MISSING and not (_s41(v)):
        return False
    v = x.get('polar', _MISSING)
    if v is not _MISSING and not (_s45(v)):
        return False
    return True
def _s51(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s52(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s53(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s54(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s55(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s56(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s57(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s58(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s59(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s60(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s61(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s62(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s50(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c79:
        return False
    v = x.get('infer', _MISSING)
    if v is not _MISSING and not ((isinstance(v, bool))):
        return False
    v = x.get('names', _MISSING)
    if v is not _MISSING and not (_s51(v)):
        return False
    v = x.get('durations', _MISSING)
    if v is not _MISSING and not (_s52(v)):
        return False
    v = x.get('duration_limit_phrases', _MISSING)
    if v is not _MISSING and not (_s53(v)):
        return False
    v = x.get('duration_floors', _MISSING)
    if v is not _MISSING and not (_s54(v)):
        return False
    v = x.get('except_manners', _MISSING)
    if v is not _MISSING and not (_s55(v)):
        return False
    v = x.get('except_negations', _MISSING)
    if v is not _MISSING and not (_s56(v)):
        return False
    v = x.get('duration_stops', _MISSING)
    if v is not _MISSING and not (_s57(v)):
        return False
    v = x.get('duration_stoppable', _MISSING)
    if v is not _MISSING and not (_s58(v)):
        return False
    v = x.get('duration_levels', _MISSING)
    if v is not _MISSING and not (_s59(v)):
        return False
    v = x.get('duration_except', _MISSING)
    if v is not _MISSING and not (_s60(v)):
        return False
    v = x.get('except', _MISSING)
    if v is not _MISSING and not (_s61(v)):
        return False
    v = x.get('basis', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('levels', _MISSING)
    if v is not _MISSING and not (_s62(v)):
        return False
    return True
def _s63(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c80:
        return False
    v = x.get('late', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    return True
def _s64(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c81:
        return False
    v = x.get('ratio', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v <= _c82)):
        return False
    v = x.get('action', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c83)):
        return False
    v = x.get('points', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v < _c84)):
        return False
    v = x.get('accept_filed', _MISSING)
    if v is not _MISSING and not ((isinstance(v, bool))):
        return False
    v = x.get('moderate_cut', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v > _c85 and not v <= _c86)):
        return False
    return True
def _s66(x):
    if not (isinstance(x, list)):
        return False
    if not _unique(x):
        return False
    for v in x:
        if not ((isinstance(v, str) and v in _c88)):
            return False
    return True
def _s67(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s65(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c87:
        return False
    v = x.get('when', _MISSING)
    if v is not _MISSING and not (_s66(v)):
        return False
    v = x.get('no_formula_tiers', _MISSING)
    if v is not _MISSING and not (_s67(v)):
        return False
    v = x.get('no_formula_default', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v < _c89 and not v > _c90)):
        return False
    return True
def _s68(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c91:
        return False
    v = x.get('apply', _MISSING)
    if v is not _MISSING and not ((isinstance(v, bool))):
        return False
    return True
def _s69(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c92:
        return False
    v = x.get('mode', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c93)):
        return False
    return True
def _s71(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c94:
        return False
    if not x.keys() <= _c95:
        return False
    v = x['execution_below']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c96)):
        return False
    v = x['max_score']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c97)):
        return False
    return True
def _s70(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not (_s71(v)):
            return False
    return True
def _s73(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c103 and not ((isinstance(v, str) and v in _c102)):
            return False
    return True
def _s74(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c106:
        return False
    if not x.keys() <= _c107:
        return False
    v = x['completion_at_least']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c108 and not v > _c109)):
        return False
    v = x['execution_below']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c110 and not v > _c111)):
        return False
    return True
def _s75(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s76(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s72(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c98:
        return False
    v = x.get('reason_required_below_weight', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c99)):
        return False
    v = x.get('execution_reason_below', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v))) and (not v < _c100 and not v > _c101)):
        return False
    v = x.get('severity', _MISSING)
    if v is not _MISSING and not (_s73(v)):
        return False
    v = x.get('execution_reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c104)):
        return False
    v = x.get('adjustment_reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c105)):
        return False
    v = x.get('total_is_sum', _MISSING)
    if v is not _MISSING and not ((isinstance(v, bool))):
        return False
    v = x.get('spending_results', _MISSING)
    if v is not _MISSING and not (_s74(v)):
        return False
    v = x.get('numeric_words', _MISSING)
    if v is not _MISSING and not (_s75(v)):
        return False
    v = x.get('targets_equal_actuals_rows', _MISSING)
    if v is not _MISSING and not (((type(v) is int or _integer(v))) and (not v < _c112)):
        return False
    v = x.get('rates_within_100', _MISSING)
    if v is not _MISSING and not (_s76(v)):
        return False
    v = x.get('weights_reason', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c113)):
        return False
    return True
def _s77(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c114:
        return False
    v = x.get('method', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str) and v in _c115)):
        return False
    return True
def _s80(x):
    if not (isinstance(x, dict)):
        return False
    if len(x) < 1:
        return False
    if not x.keys() <= _c118:
        return False
    v = x.get('level1', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('level2', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    v = x.get('name', _MISSING)
    if v is not _MISSING and not ((isinstance(v, str))):
        return False
    return True
def _s79(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c116:
        return False
    if not x.keys() <= _c117:
        return False
    v = x['match']
    if not (_s80(v)):
        return False
    v = x['method']
    if not ((isinstance(v, str)) and (len(v) >= 1)):
        return False
    v = x.get('params', _MISSING)
    if v is not _MISSING and not ((isinstance(v, dict))):
        return False
    return True
def _s78(x):
    if not (isinstance(x, list)):
        return False
    for v in x:
        if not (_s79(v)):
            return False
    return True
def _s81(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c119 and not ((isinstance(v, dict))):
            return False
    return True
def _s83(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c122 and not (((type(v) in _NUMBERS or _number(v))) and (not v <= _c121)):
            return False
    return True
def _s84(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c123 and not ((isinstance(v, str)) and (len(v) >= 1)):
            return False
    return True
def _s86(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c125 and not ((isinstance(v, str) or (type(v) in _NUMBERS or _number(v))) and (not isinstance(v, str) or (_c124.search(v) is not None))):
            return False
    return True
def _s85(x):
    if not (isinstance(x, dict)):
        return False
    for k, v in x.items():
        if k not in _c126 and not (_s86(v)):
            return False
    return True
def _s82(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c120:
        return False
    v = x.get('multipliers', _MISSING)
    if v is not _MISSING and not (_s83(v)):
        return False
    v = x.get('aliases', _MISSING)
    if v is not _MISSING and not (_s84(v)):
        return False
    v = x.get('families', _MISSING)
    if v is not _MISSING and not (_s85(v)):
        return False
    return True
def _s19(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() <= _c40:
        return False
    v = x.get('ruleset', _MISSING)
    if v is not _MISSING and not (_s20(v)):
        return False
    v = x.get('rounding', _MISSING)
    if v is not _MISSING and not (_s22(v)):
        return False
    v = x.get('grades', _MISSING)
    if v is not _MISSING and not (_s23(v)):
        return False
    v = x.get('execution', _MISSING)
    if v is not _MISSING and not (_s27(v)):
        return False
    v = x.get('weights', _MISSING)
    if v is not _MISSING and not (_s30(v)):
        return False
    v = x.get('level2', _MISSING)
    if v is not _MISSING and not (_s33(v)):
        return False
    v = x.get('quantitative', _MISSING)
    if v is not _MISSING and not (_s35(v)):
        return False
    v = x.get('qualitative', _MISSING)
    if v is not _MISSING and not (_s37(v)):
        return False
    v = x.get('reverse_indicators', _MISSING)
    if v is not _MISSING and not (_s50(v)):
        return False
    v = x.get('deadlines', _MISSING)
    if v is not _MISSING and not (_s63(v)):
        return False
    v = x.get('over_achievement', _MISSING)
    if v is not _MISSING and not (_s64(v)):
        return False
    v = x.get('judgement', _MISSING)
    if v is not _MISSING and not (_s65(v)):
        return False
    v = x.get('deductions', _MISSING)
    if v is not _MISSING and not (_s68(v)):
        return False
    v = x.get('not_applicable', _MISSING)
    if v is not _MISSING and not (_s69(v)):
        return False
    v = x.get('caps', _MISSING)
    if v is not _MISSING and not (_s70(v)):
        return False
    v = x.get('checks', _MISSING)
    if v is not _MISSING and not (_s72(v)):
        return False
    v = x.get('department', _MISSING)
    if v is not _MISSING and not (_s77(v)):
        return False
    v = x.get('overrides', _MISSING)
    if v is not _MISSING and not (_s78(v)):
        return False
    v = x.get('methods', _MISSING)
    if v is not _MISSING and not (_s81(v)):
        return False
    v = x.get('units', _MISSING)
    if v is not _MISSING and not (_s82(v)):
        return False
    return True
def _s88(x):
    if not (isinstance(x, dict)):
        return False
    if not x.keys() >= _c127:
        return False
    if not x.keys() <= _c128:
        return False
    v = x.get('min', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v)))):
        return False
    v = x.get('max', _MISSING)
    if v is not _MISSING and not (((type(v) in _NUMBERS or _number(v)))):
        return False
    v = x['rate']
    if not (((type(v) in _NUMBERS or _number(v))) and (not v < _c129 and not v > _c130)):
        return False
    return True
def _s87(x):
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for v in x:
        if not (_s88(v)):
            return False
    return True

FUNCTIONS = {
    ('evaluation', None): _s1,
    ('ruleset', None): _s19,
    ('ruleset', 'bands'): _s87,
}

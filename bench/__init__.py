"""The benchmark behind `make bench` (`python -m bench`): a heavy generated database, and timings taken
from outside, in a real terminal, as a user feels them.

generate / plan_documents / words   the heavy database, cached in bench/out/
terminal / screens / process        a private tmux server, reading kamplan's screens, /proc
first_screen / key_latency          time to first screen (against hello_app) and key-to-screen latency
floor_apps                          the key latencies' floors: stock Textual widgets in small empty apps
export_import / child_usage         export and import, in process and as whole kamplan processes
report                              the table, printed and written to bench/out/results.json
"""

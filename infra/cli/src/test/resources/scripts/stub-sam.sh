#!/bin/sh
# Stands in for the SAM CLI in the script tests: appends "sam ARGS" to $STUB_DIR/calls and succeeds.
printf 'sam %s\n' "$*" >>"${STUB_DIR:?STUB_DIR not set}/calls"

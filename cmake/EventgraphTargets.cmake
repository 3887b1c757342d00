# Shared compile settings for every eventgraph target.

# eventgraph_apply_settings(<target>): C++20, warnings, sanitizers.
function(eventgraph_apply_settings target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wconversion -Wno-sign-conversion)
  if(EVENTGRAPH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(EVENTGRAPH_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                                             -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
  if(EVENTGRAPH_FUZZ)
    # Coverage for libFuzzer in every target; the harnesses link the fuzzer
    # itself (tests/fuzz/CMakeLists.txt). UBSan findings abort, so the fuzzer
    # reports them as crashes. Except pointer-overflow, which stays
    # recoverable so that tests/fuzz/ubsan.supp can silence it in
    # RapidJSON 1.1's internal/stack.h (null + offset on its first push, a
    # bug of the Debian header fixed upstream); halt_on_error=1 in
    # scripts/fuzz.sh still stops on any other.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                             -fno-sanitize-recover=all
                                             -fsanitize-recover=pointer-overflow
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# eventgraph_module(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# Declares eventgraph_<name> with alias eventgraph::<name>.
function(eventgraph_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(eventgraph_${name} STATIC ${ARG_SOURCES})
  add_library(eventgraph::${name} ALIAS eventgraph_${name})
  target_include_directories(eventgraph_${name} PUBLIC ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(eventgraph_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  eventgraph_apply_settings(eventgraph_${name})
endfunction()

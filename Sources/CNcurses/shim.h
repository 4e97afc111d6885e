#ifndef COPYDESK_CNCURSES_SHIM_H
#define COPYDESK_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros and variadic functions that Swift cannot import, as plain functions. */
static inline int copydesk_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int copydesk_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int copydesk_getcury(WINDOW *w) { return getcury(w); }
static inline int copydesk_getcurx(WINDOW *w) { return getcurx(w); }
static inline int copydesk_color_pair(int n) { return COLOR_PAIR(n); }
static inline WINDOW *copydesk_stdscr(void) { return stdscr; }
static inline int copydesk_mvaddstr(int y, int x, const char *s) { return mvaddstr(y, x, s); }
static inline int copydesk_attron(int a) { return attron(a); }
static inline int copydesk_attroff(int a) { return attroff(a); }
static inline int copydesk_key_resize(void) { return KEY_RESIZE; }
static inline int copydesk_a_bold(void) { return (int)A_BOLD; }
static inline int copydesk_a_reverse(void) { return (int)A_REVERSE; }
#endif

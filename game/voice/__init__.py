"""Speech: the buyer's lines spoken on the phone, and self-voicing (the screen read aloud).

- `casting`: which of the system's voices speaks for whom (the portrait hint: gender, age).
- `engine`: pyttsx3 behind one small surface; only the speaker's thread touches it.
- `speaker`: the thread that speaks, fed by the window; a new line stops the old one.
- `reading`: what self-voicing reads from a drawn frame (new text, the focused thing).
- `phone`: what is heard on the phone after a call attempt (a colleague, the voicemail).
- `speech`: what the window talks to: it follows the settings and decides what is said.
"""
